import { DiscordAPIError, DiscordjsErrorCodes } from 'discord.js';
import { ConfigError, DiscordUnreachableError } from '../errors';

// Node and undici codes of a request that never reached an answer.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

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
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  const network = [code, cause].find((c) => typeof c === 'string' && NETWORK_CODES.has(c));
  const timedOut = (err as { name?: unknown } | null)?.name === 'AbortError';
  if (network || timedOut) {
    return new DiscordUnreachableError(
      apiUrl ?? 'https://discord.com/api',
      String(network ?? 'timeout'),
    );
  }
  return err;
}
