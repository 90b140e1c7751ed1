import { fileURLToPath } from 'node:url';
import type { DiscordEmulator, OptionValue, RecordedMessage } from '@quizdeck/discord-emulator';
import { BUNDLED_BANKS, titleOf } from './harness';
import { spawnLogged } from './spawned';

// Bot processes on shards of two against one emulator, as the two-process tests run them.

const appDir = fileURLToPath(new URL('..', import.meta.url));
const LETTERS = ['🇦', '🇧', '🇨', '🇩'];

export interface Guild {
  id: string;
  ownerId: string;
  channelId: string;
  members: string[];
}

/** A guild on `shard` of two with a #quiz and members of these usernames. */
export function shardGuild(
  emu: DiscordEmulator,
  name: string,
  shard: number,
  usernames: string[],
): Guild {
  const guild = emu.createGuild({ name, shard: [shard, 2] });
  return {
    id: guild.id,
    ownerId: guild.ownerId,
    channelId: emu.createChannel(guild.id, { name: 'quiz' }).id,
    members: usernames.map((username) => emu.createMember(guild.id, { username }).id),
  };
}

/** A bot process's environment: shard `shard` of two on the database `url`, against `emu`. */
export const shardBotEnv = (emu: DiscordEmulator, shard: number, url: string) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  DISCORD_TOKEN: emu.bot.token,
  DISCORD_APPLICATION_ID: emu.bot.applicationId,
  DISCORD_API_URL: emu.restUrl,
  QUIZDECK_DB: url,
  QUIZDECK_BANKS: BUNDLED_BANKS,
  QUIZDECK_SHARDS: '2',
  QUIZDECK_SHARD_IDS: String(shard),
  QUIZDECK_TIME_SCALE: '0.3',
  QUIZDECK_REVEAL_PAUSE_MS: '10',
  QUIZDECK_LEASE_TTL_MS: '2000',
  QUIZDECK_BANKS_POLL_MS: '0',
  QUIZDECK_LOG: 'info',
});

/** The bot as a host runs it, one process, for one shard of two. */
export const startShardBot = (emu: DiscordEmulator, shard: number, url: string) =>
  spawnLogged(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts'],
    shardBotEnv(emu, shard, url),
    appDir,
  );

/** A question message whose letters the bot has all put up (its round is opening or open). */
export const questionsUp = (emu: DiscordEmulator, g: Guild) =>
  emu
    .messages(g.channelId)
    .filter(
      (m) =>
        /^Question \d+ of/.test(titleOf(m)) &&
        m.reactions.length > 0 &&
        m.reactions.every((r) => r.users.includes(emu.bot.id)),
    );

/** Members answer every question as soon as its letters are up: member i picks letter i % 4. */
export function answerAll(emu: DiscordEmulator, guilds: Guild[]): () => void {
  const done = new Set<string>();
  const timer = setInterval(() => {
    for (const g of guilds) {
      for (const q of questionsUp(emu, g)) {
        if (done.has(q.id)) continue;
        done.add(q.id);
        g.members.forEach((userId, i) => {
          const letter = LETTERS[i % q.reactions.length] as string;
          emu.react(g.channelId, q.id, userId, letter);
        });
      }
    }
  }, 50);
  return () => clearInterval(timer);
}

export const count = (messages: RecordedMessage[], match: (m: RecordedMessage) => boolean) =>
  messages.filter(match).length;

/** `userId` (by default the guild's owner) runs `/name subcommand` in the guild's #quiz. */
export const runIn = (
  emu: DiscordEmulator,
  g: Guild,
  name: string,
  subcommand: string,
  options: Record<string, OptionValue> = {},
  userId = g.ownerId,
) => emu.runCommand({ guildId: g.id, channelId: g.channelId, userId, name, subcommand, options });
