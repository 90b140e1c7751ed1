import { QuizdeckError } from '@quizdeck/core';

/** Configuration that cannot start the bot (missing token, bad value). */
export class ConfigError extends QuizdeckError {
  constructor(message: string) {
    super('BOT_CONFIG', message);
  }
}

/** The bot lacks a channel permission it needs; `permission` is Discord's readable name. */
export class MissingPermissionError extends QuizdeckError {
  readonly permission: string;
  constructor(permission: string, channelId: string) {
    super('BOT_MISSING_PERMISSION', `I need the **${permission}** permission in <#${channelId}>.`);
    this.permission = permission;
  }
}

/** A command that cannot run as asked (unknown bank, quiz already running, not allowed…). */
export class CommandError extends QuizdeckError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** Discord's API did not answer (network down, DNS, a wrong DISCORD_API_URL). */
export class DiscordUnreachableError extends QuizdeckError {
  constructor(url: string, reason: string) {
    super(
      'BOT_DISCORD_UNREACHABLE',
      `cannot reach Discord at ${url} (${reason}): check the network, or DISCORD_API_URL if it is set.`,
    );
  }
}

/**
 * This process no longer holds the lease of a shard (it expired, or another process took the
 * shard over): it must not post, grade or reveal anything of that shard's guilds.
 */
export class LeaseLostError extends QuizdeckError {
  constructor(shard: number) {
    super(
      'BOT_LEASE_LOST',
      `this process no longer holds the lease of shard ${shard}: another process runs its quizzes now.`,
    );
  }
}

/** The REST proxy cannot listen where it is told to (port taken, address not on this host). */
export class ProxyListenError extends QuizdeckError {
  constructor(address: string, reason: string) {
    super(
      'PROXY_LISTEN',
      `cannot listen on ${address} (${reason}): set QUIZDECK_PROXY_HOST and QUIZDECK_PROXY_PORT to a free address of this host.`,
    );
  }
}

/**
 * The store is not as the bot's own writes left it (a round in another state than the one it
 * moves from, a row a write just made missing): a bug, or the database changed by hand. Never a
 * member's mistake, so the interaction wrapper logs it instead of replying with it.
 */
export class StoreInvariantError extends QuizdeckError {
  constructor(detail: string) {
    super('BOT_STORE_INVARIANT', `the store is not as the bot left it: ${detail}`);
  }
}
