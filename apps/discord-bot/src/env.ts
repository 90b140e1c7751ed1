import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { StoreLocation } from './db/store';
import type { ShardPlan } from './discord/shard-set';
import { ConfigError } from './errors';

/** QUIZDECK_DB names a PostgreSQL database, not a SQLite file, when it starts so. */
const POSTGRES_URL = /^postgres(ql)?:\/\//i;
/** A QUIZDECK_DB value. The message never quotes it: a URL may carry a password. */
const StoreValue = z
  .string()
  .min(1)
  .refine(
    (v) => !POSTGRES_URL.test(v) || URL.canParse(v),
    'not a PostgreSQL URL that parses (postgres://user:password@host:5432/database)',
  );
const Snowflake = z.string().regex(/^\d{1,20}$/, 'a Discord id (digits)');
const bundledBanks = fileURLToPath(new URL('../../../banks', import.meta.url));

// A bot token is three base64url parts joined by dots (the bot's id, a timestamp, a signature).
const TOKEN_SHAPE = /^[\w-]{16,}\.[\w-]{4,}\.[\w-]{16,}$/;
const BAD_TOKEN =
  'DISCORD_TOKEN does not look like a bot token (three parts joined by dots, no spaces or quotes): copy it again from the Developer Portal, Bot → Reset Token (see docs/discord-setup.md).';

export const EnvSchema = z.object({
  // Stray whitespace (a pasted newline, a trailing space in .env) is trimmed, not sent to Discord.
  DISCORD_TOKEN: z.string().trim().min(1).regex(TOKEN_SHAPE, BAD_TOKEN),
  DISCORD_APPLICATION_ID: Snowflake.optional(),
  DISCORD_GUILD_ID: Snowflake.optional(),
  DISCORD_API_URL: z.url().optional(),
  /** A SQLite file (the default) or a `postgres://` / `postgresql://` URL. */
  QUIZDECK_DB: StoreValue.default('./data/quizdeck.db'),
  QUIZDECK_BANKS: z.string().min(1).default(bundledBanks),
  /** Multiplies every question's seconds; tests use a small factor instead of waiting. */
  QUIZDECK_TIME_SCALE: z.coerce.number().positive().default(1),
  QUIZDECK_REVEAL_PAUSE_MS: z.coerce.number().int().min(0).default(5000),
  /** How often bank files are checked for changes (0: only at start). */
  QUIZDECK_BANKS_POLL_MS: z.coerce.number().int().min(0).default(2000),
  /** How often the daily review line is looked at (it goes out once a day at its hour). */
  QUIZDECK_DIGEST_POLL_MS: z.coerce.number().int().min(10).default(60_000),
  QUIZDECK_LOG: z.enum(['silent', 'info', 'debug']).default('info'),
  /**
   * PostgreSQL: how long a shard's lease lasts after each renewal (renewed every quarter of it);
   * a process that died is taken over within about 1.25 × this. Tests use a short one.
   */
  QUIZDECK_LEASE_TTL_MS: z.coerce.number().int().min(200).default(10_000),
  /** The bot's total shard count over every process, or `auto` (Discord's recommendation). */
  QUIZDECK_SHARDS: z
    .string()
    .trim()
    .regex(
      /^(auto|[1-9]\d{0,5})$/,
      'auto, or the total number of shards over every process (1 to 999999)',
    )
    .optional(),
  /** The shards this process runs (default: all of them). */
  QUIZDECK_SHARD_IDS: z
    .string()
    .trim()
    .regex(/^\d+( *, *\d+)*$/, 'the shards this process runs, ids separated by commas (e.g. 0,1)')
    .optional(),
  INIT_CWD: z.string().optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export interface BotConfig {
  token: string;
  applicationId: string | undefined;
  guildId: string | undefined;
  apiUrl: string | undefined;
  db: StoreLocation;
  /** Values the log blanks out: the token, and the database password when the URL has one. */
  secrets: string[];
  banksDir: string;
  timeScale: number;
  revealPauseMs: number;
  banksPollMs: number;
  digestPollMs: number;
  log: Env['QUIZDECK_LOG'];
  leaseTtlMs: number;
  shards: ShardPlan;
}

const nonEmpty = (source: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));

/** Reads the bot's configuration; the only place that looks at environment variables. */
export function loadConfig(source: Record<string, string | undefined> = process.env): BotConfig {
  const parsed = EnvSchema.safeParse(nonEmpty(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      if (name === 'DISCORD_TOKEN') {
        if (issue.message === BAD_TOKEN) return BAD_TOKEN;
        return 'DISCORD_TOKEN is not set: create a Discord application and bot, then put its token in DISCORD_TOKEN (see docs/discord-setup.md).';
      }
      return `${name}: ${issue.message}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const env = parsed.data;
  const base = env.INIT_CWD ?? process.cwd();
  const at = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const db = storeAt(env.QUIZDECK_DB, base);
  return {
    token: env.DISCORD_TOKEN,
    applicationId: env.DISCORD_APPLICATION_ID,
    guildId: env.DISCORD_GUILD_ID,
    apiUrl: env.DISCORD_API_URL,
    db,
    secrets: [env.DISCORD_TOKEN, ...storeSecrets(db)],
    banksDir: at(env.QUIZDECK_BANKS),
    timeScale: env.QUIZDECK_TIME_SCALE,
    revealPauseMs: env.QUIZDECK_REVEAL_PAUSE_MS,
    banksPollMs: env.QUIZDECK_BANKS_POLL_MS,
    digestPollMs: env.QUIZDECK_DIGEST_POLL_MS,
    log: env.QUIZDECK_LOG,
    leaseTtlMs: env.QUIZDECK_LEASE_TTL_MS,
    shards: shardPlan(env.QUIZDECK_SHARDS, env.QUIZDECK_SHARD_IDS),
  };
}

/** QUIZDECK_SHARDS and QUIZDECK_SHARD_IDS together (unset: one shard, as discord.js runs it). */
function shardPlan(total: string | undefined, idList: string | undefined): ShardPlan {
  if (total === 'auto') {
    if (idList === undefined) return { count: 'auto' };
    throw new ConfigError(
      'QUIZDECK_SHARD_IDS needs a number in QUIZDECK_SHARDS, not auto: processes that split the shards must agree on the total (e.g. QUIZDECK_SHARDS=4 QUIZDECK_SHARD_IDS=0,1).',
    );
  }
  if (total === undefined && idList !== undefined) {
    throw new ConfigError(
      'QUIZDECK_SHARD_IDS needs QUIZDECK_SHARDS, the total number of shards over every process (e.g. QUIZDECK_SHARDS=4 QUIZDECK_SHARD_IDS=0,1).',
    );
  }
  const count = Number(total ?? 1);
  if (idList === undefined) return { count, ids: Array.from({ length: count }, (_, i) => i) };
  const ids = idList.split(',').map((id) => Number(id.trim()));
  const problems = [
    ...ids
      .filter((id) => id >= count)
      .map(
        (id) =>
          `shard ${id} is not below QUIZDECK_SHARDS=${count} (ids run from 0 to ${count - 1})`,
      ),
    ...[...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))].map(
      (id) => `shard ${id} is listed twice`,
    ),
  ];
  if (problems.length > 0) throw new ConfigError(`QUIZDECK_SHARD_IDS: ${problems.join('; ')}`);
  return { count, ids };
}

/** A QUIZDECK_DB value as a place: a PostgreSQL URL as it is, a SQLite file against `base`. */
function storeAt(value: string, base: string): StoreLocation {
  if (POSTGRES_URL.test(value)) return { backend: 'postgres', url: value };
  if (value === ':memory:') return { backend: 'sqlite', path: value };
  return { backend: 'sqlite', path: isAbsolute(value) ? value : resolve(base, value) };
}

/** A database URL's password, as written and decoded, for the log to blank out. */
function storeSecrets(db: StoreLocation): string[] {
  const password = db.backend === 'postgres' ? new URL(db.url).password : '';
  return password ? [password, decodeURIComponent(password)] : [];
}

/**
 * `bot copy-store TARGET`: the store QUIZDECK_DB names (the default file when unset) and TARGET,
 * read as QUIZDECK_DB is. No Discord settings are needed.
 */
export function loadCopyConfig(
  target: string,
  source: Record<string, string | undefined> = process.env,
): { from: StoreLocation; to: StoreLocation } {
  const parsed = z
    .object({
      QUIZDECK_DB: EnvSchema.shape.QUIZDECK_DB,
      TARGET: StoreValue,
      INIT_CWD: z.string().optional(),
    })
    .safeParse({ ...nonEmpty(source), TARGET: target });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`).join('\n'),
    );
  }
  const base = parsed.data.INIT_CWD ?? process.cwd();
  return { from: storeAt(parsed.data.QUIZDECK_DB, base), to: storeAt(parsed.data.TARGET, base) };
}

export const ProxyEnvSchema = z.object({
  QUIZDECK_PROXY_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  QUIZDECK_PROXY_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Where the proxy sends requests on: Discord's API unless set (the emulator in tests). */
  DISCORD_API_URL: z.url().optional(),
  /** The bot's global limit; Discord grants large bots more on request. */
  QUIZDECK_PROXY_GLOBAL_PER_SECOND: z.coerce.number().int().positive().default(50),
  QUIZDECK_LOG: z.enum(['silent', 'info', 'debug']).default('info'),
});

export interface ProxyConfig {
  port: number;
  host: string;
  upstreamUrl: string | undefined;
  globalPerSecond: number;
  log: Env['QUIZDECK_LOG'];
}

/** The REST proxy's configuration (`pnpm bot proxy`): no token, the bots' requests carry it. */
export function loadProxyConfig(
  source: Record<string, string | undefined> = process.env,
): ProxyConfig {
  const parsed = ProxyEnvSchema.safeParse(nonEmpty(source));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`).join('\n'),
    );
  }
  const env = parsed.data;
  return {
    port: env.QUIZDECK_PROXY_PORT,
    host: env.QUIZDECK_PROXY_HOST,
    upstreamUrl: env.DISCORD_API_URL,
    globalPerSecond: env.QUIZDECK_PROXY_GLOBAL_PER_SECOND,
    log: env.QUIZDECK_LOG,
  };
}
