/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message): the bot keeps
 * its posts within them, and `check` warns about a bank image the bot could never attach.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedFieldValue: 1024,
  embedFields: 25,
  embedTotal: 6000,
  embeds: 10,
  /** Message components: buttons per action row, action rows per message, a custom_id's length. */
  buttonsPerRow: 5,
  actionRows: 5,
  customId: 100,
  /** Files a message may carry, and their total size (Discord's default upload limit). */
  files: 10,
  uploadBytes: 10 * 1024 * 1024,
} as const;
