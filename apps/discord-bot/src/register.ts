import { REST, Routes } from 'discord.js';
import { COMMANDS } from './discord/command-definitions';
import { explainStartupError } from './discord/startup-errors';
import type { BotConfig } from './env';
import { ConfigError } from './errors';

/**
 * Bulk-overwrites the slash commands: to one guild (instant) when DISCORD_GUILD_ID is set, else
 * globally. With `clear`, that scope's commands are removed instead (commands registered both
 * globally and in a guild show twice there: clear the scope you no longer use).
 */
export async function registerCommands(config: BotConfig, clear = false): Promise<string> {
  if (!config.applicationId) {
    throw new ConfigError(
      'DISCORD_APPLICATION_ID is not set: copy the Application ID from the Developer Portal (see docs/discord-setup.md).',
    );
  }
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const body = clear ? [] : COMMANDS;
  await rest.put(route, { body }).catch((err: unknown) => {
    throw explainStartupError(err, config.apiUrl);
  });
  const scope = config.guildId ? `in guild ${config.guildId}` : 'globally';
  if (clear) return `Removed the commands registered ${scope}.`;
  return config.guildId
    ? `Registered ${COMMANDS.length} commands in guild ${config.guildId}.`
    : `Registered ${COMMANDS.length} global commands (they can take up to an hour to appear).`;
}
