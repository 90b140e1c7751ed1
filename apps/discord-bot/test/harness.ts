import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CommandRun,
  type CreatedMember,
  DiscordEmulator,
  type EmulatorOptions,
  type OptionValue,
  type RecordedMessage,
} from '@quizdeck/discord-emulator';
import {
  type Bot,
  type BotConfig,
  createBot,
  type Logger,
  loadConfig,
  registerCommands,
} from '../src/index';

export const BUNDLED_BANKS = fileURLToPath(new URL('../../../banks', import.meta.url));
export const FIXTURE_BANKS = fileURLToPath(new URL('./fixtures/mentions', import.meta.url));

export interface World {
  emu: DiscordEmulator;
  guildId: string;
  ownerId: string;
  channelId: string;
  members: Record<string, CreatedMember>;
  config: BotConfig;
  dir: string;
  bot: Bot;
  /** Every guild (the first is `guildId`), each with a #quiz channel and the members. */
  guilds: { id: string; ownerId: string; channelId: string }[];
  /**
   * A second bot process on the same database (restart tests); `env` changes its environment
   * (e.g. `QUIZDECK_SHARD_IDS`).
   */
  restart(env?: Record<string, string>): Promise<Bot>;
  close(): Promise<void>;
}

export interface WorldOptions {
  banks?: string;
  memberNames?: string[];
  timeScale?: number;
  /** How often the bot re-reads the banks (default 0: only at start). */
  banksPollMs?: number;
  emulator?: EmulatorOptions;
  /** QUIZDECK_DB (default: a SQLite file in the world's temp folder). */
  db?: string;
  /**
   * One guild per entry, on that shard (`[id, count]`), instead of one guild on any shard;
   * commands are then registered globally.
   */
  guildShards?: readonly (readonly [number, number])[];
  /** More bot environment (e.g. `QUIZDECK_SHARDS`). */
  env?: Record<string, string>;
  /** The bot's clock (grades, reviews, the daily line); every restart keeps it. */
  clock?: () => number;
  /** Where the bot sends its REST requests (default: the emulator's `restUrl`). */
  restUrl?: (emu: DiscordEmulator) => Promise<string>;
  /** The bot's logger (default: QUIZDECK_LOG=silent). */
  log?: Logger;
}

/** An emulator with a guild, a #quiz channel and members, and the bot logged in to it. */
export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const emu = await DiscordEmulator.start({
    rateLimits: { reactionWindowMs: 20 },
    ...opts.emulator,
  });
  const guilds = (opts.guildShards ?? [undefined]).map((shard, i) => {
    const name = opts.guildShards ? `Study group ${i + 1}` : 'Study group';
    const guild = emu.createGuild({ name, ...(shard ? { shard } : {}) });
    const channelId = emu.createChannel(guild.id, { name: 'quiz' }).id;
    return { id: guild.id, ownerId: guild.ownerId, channelId };
  });
  const [guild] = guilds as [(typeof guilds)[0]];
  const members: Record<string, CreatedMember> = {};
  for (const name of opts.memberNames ?? []) {
    const member = emu.createMember(guild.id, { username: name });
    members[name] = member;
    for (const other of guilds.slice(1)) emu.createMember(other.id, { userId: member.id });
  }
  const dir = mkdtempSync(join(tmpdir(), 'quizdeck-bot-e2e-'));
  const env = {
    DISCORD_TOKEN: emu.bot.token,
    DISCORD_APPLICATION_ID: emu.bot.applicationId,
    ...(opts.guildShards ? {} : { DISCORD_GUILD_ID: guild.id }),
    DISCORD_API_URL: opts.restUrl ? await opts.restUrl(emu) : emu.restUrl,
    QUIZDECK_DB: opts.db ?? join(dir, 'quizdeck.db'),
    QUIZDECK_BANKS: opts.banks ?? BUNDLED_BANKS,
    QUIZDECK_TIME_SCALE: String(opts.timeScale ?? 0.06),
    QUIZDECK_REVEAL_PAUSE_MS: '10',
    QUIZDECK_BANKS_POLL_MS: String(opts.banksPollMs ?? 0),
    QUIZDECK_LOG: 'silent',
    ...opts.env,
  };
  const config = loadConfig(env);
  await registerCommands(config);
  const launch = async (more: Record<string, string> = {}) => {
    const bot = await createBot(loadConfig({ ...env, ...more }), {
      throttleIdentify: false,
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    });
    await bot.start();
    return bot;
  };
  const world: World = {
    emu,
    guildId: guild.id,
    ownerId: guild.ownerId,
    channelId: guild.channelId,
    guilds,
    members,
    config,
    dir,
    bot: await launch(),
    async restart(more) {
      world.bot = await launch(more);
      return world.bot;
    },
    async close() {
      await world.bot.stop().catch(() => {});
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Where a command is run and by whom: by default the first guild's owner in its #quiz. */
export interface CommandPlace {
  guildId?: string;
  channelId?: string;
  userId?: string;
}

/** A member runs `/name subcommand` (no subcommand when it is undefined or '') with `options`. */
export function runCommand(
  w: World,
  name: string,
  subcommand: string | undefined,
  options: Record<string, OptionValue> = {},
  place: CommandPlace = {},
): CommandRun {
  return w.emu.runCommand({
    guildId: place.guildId ?? w.guildId,
    channelId: place.channelId ?? w.channelId,
    userId: place.userId ?? w.ownerId,
    name,
    ...(subcommand ? { subcommand } : {}),
    options,
  });
}

/** A member runs `/quiz subcommand` with `options`. */
export const runQuiz = (
  w: World,
  subcommand: string,
  options: Record<string, OptionValue> = {},
  place: CommandPlace = {},
): CommandRun => runCommand(w, 'quiz', subcommand, options, place);

/** The bot's first answer to a command (a reply, type 4, or a defer, 5), as tests read it. */
export interface CommandReply {
  type: number;
  data: { content?: string; flags?: number; embeds?: { title?: string; description?: string }[] };
}

/** The message flag of a reply only its member sees. */
export const EPHEMERAL = 1 << 6;

const titleOf = (m: RecordedMessage) => String(m.embeds[0]?.title ?? '');
const descriptionOf = (m: RecordedMessage) => String(m.embeds[0]?.description ?? '');

export { descriptionOf, titleOf };

/**
 * Question `n`'s message (the one carrying the letters) once the bot has put up every letter, which
 * is when its clock starts: members reacting now are well inside the window however slow the edit
 * showing the close time is.
 */
export function waitForQuestion(w: World, n: number, channelId = w.channelId, timeoutMs = 8000) {
  const optionLines = (m: RecordedMessage) =>
    descriptionOf(m)
      .split('\n')
      .filter((line) => /^[\u{1F1E6}-\u{1F1FF}] /u.test(line)).length;
  return w.emu.waitFor(
    () =>
      sinceLastStart(w.emu.messages(channelId)).find(
        (m) =>
          questionNumberOf(w, channelId, m) === n &&
          m.reactions.length > 0 &&
          m.reactions.length === optionLines(m) &&
          m.reactions.every((r) => r.users.includes(w.emu.bot.id)),
      ),
    { timeoutMs, description: `question ${n} to open` },
  );
}

// Messages after the latest quiz announcement (the public reply to /quiz start).
function sinceLastStart(all: RecordedMessage[]): RecordedMessage[] {
  const at = all.findLastIndex((m) => m.content.startsWith('Quiz **'));
  return all.slice(at + 1);
}

// A long question spans several messages: the number is in the title of the first.
function questionNumberOf(w: World, channelId: string, m: RecordedMessage): number | undefined {
  const all = w.emu.messages(channelId);
  for (let i = all.findIndex((x) => x.id === m.id); i >= 0; i--) {
    const match = /^Question (\d+) of/.exec(titleOf(all[i] as RecordedMessage));
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** The reveal posted after the message `questionId`. */
export function waitForReveal(w: World, questionMessageId: string, channelId = w.channelId) {
  return w.emu.waitFor(
    () => {
      const all = w.emu.messages(channelId);
      const at = all.findIndex((m) => m.id === questionMessageId);
      return all.slice(at + 1).find((m) => /^Answers?: /.test(titleOf(m)));
    },
    { timeoutMs: 8000, description: 'the reveal' },
  );
}

export function react(
  w: World,
  messageId: string,
  userId: string,
  letters: string,
  channelId = w.channelId,
) {
  for (const l of letters) {
    w.emu.react(channelId, messageId, userId, String.fromCodePoint(0x1f1e6 + l.charCodeAt(0) - 65));
  }
}

/** Waits for the question message to show its close time (the round is open in the database). */
export function waitForClock(w: World, messageId: string) {
  return w.emu.waitFor(() => descriptionOf(w.emu.message(messageId)).includes('Closes <t:'), {
    description: 'the close time',
  });
}

/**
 * Waits until the bot has seen every member's letters on `messageId` (userId → letters, '' for
 * none), then closes the round. Tests close rounds this way rather than racing a short timer: on a
 * loaded machine the bot can take longer than a short window to read reactions already made.
 */
export async function closeWhenSeen(
  w: World,
  messageId: string,
  expected: Record<string, string>,
  channelId = w.channelId,
) {
  const want = Object.entries(expected)
    .filter(([, letters]) => letters !== '')
    .map(([userId, letters]) => [userId, [...letters].sort().join('')] as const);
  await w.emu.waitFor(
    () => {
      const seen = w.bot.engine.tracker.picks(messageId);
      return seen.size === want.length && want.every(([u, l]) => seen.get(u)?.join('') === l);
    },
    { timeoutMs: 8000, description: `the bot to see the reactions on ${messageId}` },
  );
  if (!w.bot.engine.closeNow(channelId)) throw new Error(`no quiz runs in ${channelId}`);
}
