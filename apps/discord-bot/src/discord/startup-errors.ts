import { DiscordAPIError, DiscordjsErrorCodes } from 'discord.js';
import { ConfigError, DiscordUnreachableError } from '../errors';
import { networkFailure } from './network-failure';

const refused = () =>
  new ConfigError(
    'Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (see docs/discord-setup.md).',
  );

/**
 * What a failed log-in or registration means for the host, as one readable line: a refused token,
 * an unknown application, a shard count Discord refuses, or Discord out of reach. Anything else is
 * returned as it is.
 */
export function explainStartupError(err: unknown, apiUrl: string | undefined): unknown {
  // @discordjs/ws's errors for the gateway's close codes 4011 and 4010 (plain Errors, no code).
  if (err instanceof Error && err.message === 'Sharding is required') {
    return new ConfigError(
      'Discord closed the gateway with 4011 Sharding required: a shard would hold more servers than Discord allows. Set QUIZDECK_SHARDS to a larger total, or to auto (see docs/discord-setup.md).',
    );
  }
  if (err instanceof Error && err.message === 'Invalid shard') {
    return new ConfigError(
      'Discord closed the gateway with 4010 Invalid shard: check QUIZDECK_SHARDS and QUIZDECK_SHARD_IDS (see docs/discord-setup.md).',
    );
  }
  const code = (err as { code?: unknown; cause?: { code?: unknown } } | null)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid) return refused();
  if (err instanceof DiscordAPIError) {
    if (err.status === 401) return refused();
    if (err.status === 403 || Number(err.code) === 10002) {
      return new ConfigError(
        `Discord refused the request (${err.code}: ${err.message}): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID, and that the bot was invited to that server (see docs/discord-setup.md).`,
      );
    }
    return err;
  }
  const network = networkFailure(err);
  if (network) return new DiscordUnreachableError(apiUrl ?? 'https://discord.com/api', network);
  return err;
}
