import {
  ActionRowBuilder,
  ButtonBuilder,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  Events,
  MessageFlags,
  type SendableChannels,
} from 'discord.js';
import { DiscordEmulator } from '../src/index';
import { connect } from './helpers';

const started: DiscordEmulator[] = [];

/** Stops every emulator `reviewBot` started (for `afterEach`). */
export async function stopReviewBots(): Promise<void> {
  for (const e of started.splice(0)) await e.stop();
}

/** Buttons A–D (D disabled) and a link button. */
export function answerRow(prefix: string, disabled: string[] = ['D']) {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    ...['A', 'B', 'C', 'D'].map((letter) =>
      new ButtonBuilder()
        .setCustomId(`${prefix}:${letter}`)
        .setLabel(letter)
        .setStyle(ButtonStyle.Primary)
        .setDisabled(disabled.includes(letter)),
    ),
    new ButtonBuilder()
      .setURL('https://example.org/help')
      .setLabel('Help')
      .setStyle(ButtonStyle.Link),
  );
}

/**
 * A bot with `/review` (ephemeral reply with buttons) that answers clicks with `onClick`; errors
 * thrown by either handler are collected.
 */
export async function reviewBot(
  onClick: (i: ButtonInteraction) => Promise<void>,
  options: Parameters<typeof DiscordEmulator.start>[0] = {},
) {
  const e = await DiscordEmulator.start(options);
  started.push(e);
  const guild = e.createGuild({ name: 'g' });
  const channelId = e.createChannel(guild.id, { name: 'study' }).id;
  const alice = e.createMember(guild.id, { username: 'alice' });
  const bob = e.createMember(guild.id, { username: 'bob' });
  const client = await connect(e);
  await client.application.commands.set([{ name: 'review', description: 'Review' }]);
  const errors: unknown[] = [];
  const seen: ButtonInteraction[] = [];
  client.on(Events.InteractionCreate, (i) => {
    if (i.isChatInputCommand()) {
      const command = i as ChatInputCommandInteraction;
      command
        .reply({
          content: 'Q1: 2 + 2 = ?',
          components: [answerRow('q1')],
          flags: MessageFlags.Ephemeral,
        })
        .catch((error: unknown) => errors.push(error));
    } else if (i.isButton()) {
      seen.push(i);
      onClick(i).catch((error: unknown) => errors.push(error));
    }
  });
  const channel = client.channels.cache.get(channelId) as SendableChannels;
  /** Alice runs /review and gets the ephemeral question. */
  const review = async () => {
    const run = e.runCommand({ guildId: guild.id, channelId, userId: alice.id, name: 'review' });
    return run.waitForOriginal();
  };
  return { e, client, guild, channel, channelId, alice, bob, errors, seen, review };
}
