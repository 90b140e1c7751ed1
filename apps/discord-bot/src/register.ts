import { REST, Routes } from 'discord.js';
import { COMMANDS } from './discord/command-definitions';
import type { BotConfig } from './env';
import { ConfigError } from './errors';

/** Bulk-overwrites the slash commands: to one guild (instant) when DISCORD_GUILD_ID is set. */
export async function registerCommands(config: BotConfig): Promise<string> {
  if (!config.applicationId) {
    throw new ConfigError(
      'DISCORD_APPLICATION_ID is not set: copy the Application ID from the Developer Portal (see docs/discord-setup.md).',
    );
  }
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  await rest.put(route, { body: COMMANDS });
  return config.guildId
    ? `Registered ${COMMANDS.length} commands in guild ${config.guildId}.`
    : `Registered ${COMMANDS.length} global commands (they can take up to an hour to appear).`;
}
