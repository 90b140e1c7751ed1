import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscordEmulator, type OptionValue } from '@quizdeck/discord-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { describeShards, runningShards } from '../src/discord/shard-set';
import { ConfigError, createBot, loadConfig } from '../src/index';
import {
  BUNDLED_BANKS,
  closeWhenSeen,
  react,
  runQuiz,
  startWorld,
  titleOf,
  type World,
  waitForQuestion,
  waitForReveal,
} from './harness';
import { sqliteRows } from './sqlite-file';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** A guild on shard 0 of 2 and one on shard 1, both with alice in their #quiz. */
const twoShards = (env: Record<string, string>) =>
  startWorld({
    memberNames: ['alice'],
    timeScale: 1,
    guildShards: [
      [0, 2],
      [1, 2],
    ],
    env,
  });

type Guild = World['guilds'][number];

const run = (
  world: World,
  g: Guild,
  subcommand: string,
  options: Record<string, OptionValue> = {},
) =>
  runQuiz(world, subcommand, options, { guildId: g.id, channelId: g.channelId, userId: g.ownerId });

const connectedShards = (world: World) =>
  world.emu
    .sessions()
    .filter((s) => s.connected)
    .map((s) => s.shard)
    .sort((a, b) => (a?.[0] ?? 0) - (b?.[0] ?? 0));

/** alice answers A to question `n` in `g`, the bot grades it and reveals. */
async function playRound(world: World, g: Guild, n: number) {
  const alice = world.members.alice?.id as string;
  const q = await waitForQuestion(world, n, g.channelId);
  react(world, q.id, alice, 'A', g.channelId);
  await closeWhenSeen(world, q.id, { [alice]: 'A' }, g.channelId);
  return waitForReveal(world, q.id, g.channelId);
}

const answersByGuild = (world: World) =>
  sqliteRows<{ guildId: string; idx: number; userId: string }>(
    world.config.db,
    `SELECT s.guild_id AS guildId, r.idx, a.user_id AS userId FROM answers a
     JOIN rounds r ON r.id = a.round_id JOIN sessions s ON s.id = r.session_id
     ORDER BY s.guild_id, r.idx`,
  );

// Real bot, real discord.js and a loaded machine: generous time, never asserted.
describe('shards', { timeout: 60_000 }, () => {
  it('with QUIZDECK_SHARDS=2, one process runs both shards and quizzes on each', async () => {
    w = await twoShards({ QUIZDECK_SHARDS: '2' });
    const world = w;
    const [g0, g1] = world.guilds as [Guild, Guild];
    expect(connectedShards(world)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    await Promise.all([
      run(world, g0, 'start', { bank: 'rnn-quiz', seconds: 60, count: 1 }).response(),
      run(world, g1, 'start', { bank: 'rnn-quiz', seconds: 60, count: 1 }).response(),
    ]);
    const reveals = await Promise.all([playRound(world, g0, 1), playRound(world, g1, 1)]);
    expect(reveals.map((m) => m.guildId)).toEqual([g0.id, g1.id]);
    await world.bot.engine.idle();
    const alice = world.members.alice?.id;
    expect(answersByGuild(world)).toEqual([
      { guildId: g0.id, idx: 0, userId: alice },
      { guildId: g1.id, idx: 0, userId: alice },
    ]);
  });

  it('with QUIZDECK_SHARD_IDS=0 of 2, answers only shard 0 and leaves shard 1’s quiz to its process', async () => {
    w = await twoShards({ QUIZDECK_SHARDS: '2' });
    const world = w;
    const [g0, g1] = world.guilds as [Guild, Guild];
    await run(world, g0, 'start', { bank: 'rnn-quiz', seconds: 60, count: 2 }).response();
    await run(world, g1, 'start', { bank: 'rnn-quiz', seconds: 60, count: 2 }).response();
    await Promise.all([
      waitForQuestion(world, 1, g0.channelId),
      waitForQuestion(world, 1, g1.channelId),
    ]);
    await world.bot.stop();
    const g1Posts = world.emu.messages(g1.channelId).length;

    const shard0 = await world.restart({ QUIZDECK_SHARD_IDS: '0' });
    expect(connectedShards(world)).toEqual([[0, 2]]);
    // Started with both quizzes running in the store: it resumed only its own shard's.
    expect(shard0.engine.quizIn(g0.channelId)).toBeDefined();
    expect(shard0.engine.quizIn(g1.channelId)).toBeUndefined();
    await playRound(world, g0, 1);
    // A command in g1 reaches no process (no session holds shard 1); the one after it in g0 does.
    const lost = run(world, g1, 'stop');
    await run(world, g0, 'stop').response();
    expect(lost.callbacks).toEqual([]);
    expect(world.emu.messages(g1.channelId)).toHaveLength(g1Posts);
    const running = await shard0.store.runningSessions();
    expect(running.map((s) => s.guildId)).toEqual([g1.id]);
    await shard0.stop();

    // The process of shard 1 picks its quiz up where it was.
    const shard1 = await world.restart({ QUIZDECK_SHARD_IDS: '1' });
    expect(connectedShards(world)).toEqual([[1, 2]]);
    expect(shard1.engine.quizIn(g1.channelId)).toBeDefined();
    expect(shard1.engine.quizIn(g0.channelId)).toBeUndefined();
    const reveal = await playRound(world, g1, 1);
    expect(titleOf(reveal)).toMatch(/^Answers?: /);
  });

  it('two bots at once, as two hosts would run them: shards 0 and 1 of 2, each serves its guild', async () => {
    w = await twoShards({ QUIZDECK_SHARDS: '2', QUIZDECK_SHARD_IDS: '0' });
    const world = w;
    const [g0, g1] = world.guilds as [Guild, Guild];
    const otherDb = join(world.dir, 'other.db');
    const other = await createBot(
      loadConfig({
        DISCORD_TOKEN: world.emu.bot.token,
        DISCORD_API_URL: world.emu.restUrl,
        QUIZDECK_DB: otherDb,
        QUIZDECK_BANKS: BUNDLED_BANKS,
        QUIZDECK_LOG: 'silent',
        QUIZDECK_SHARDS: '2',
        QUIZDECK_SHARD_IDS: '1',
      }),
      { throttleIdentify: false },
    );
    try {
      await other.start();
      expect(connectedShards(world)).toEqual([
        [0, 2],
        [1, 2],
      ]);
      const starts = [g0, g1].map((g) =>
        run(world, g, 'start', { bank: 'rnn-quiz', seconds: 60, count: 1 }).response(),
      );
      await Promise.all(starts);
      expect(world.bot.engine.quizIn(g0.channelId)).toBeDefined();
      expect(world.bot.engine.quizIn(g1.channelId)).toBeUndefined();
      expect(other.engine.quizIn(g1.channelId)).toBeDefined();
      expect(other.engine.quizIn(g0.channelId)).toBeUndefined();
      const guildsOf = (db: string) =>
        sqliteRows<{ guildId: string }>(db, 'SELECT guild_id AS guildId FROM sessions').map(
          (r) => r.guildId,
        );
      expect(guildsOf(join(world.dir, 'quizdeck.db'))).toEqual([g0.id]);
      expect(guildsOf(otherDb)).toEqual([g1.id]);
    } finally {
      await other.stop();
    }
  });

  it('with QUIZDECK_SHARDS=auto, runs the count GET /gateway/bot recommends', async () => {
    w = await startWorld({
      guildShards: [
        [0, 2],
        [1, 2],
      ],
      env: { QUIZDECK_SHARDS: 'auto' },
      emulator: { recommendedShards: 2 },
    });
    expect(connectedShards(w)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(describeShards(runningShards(w.bot.client))).toBe('shards 0, 1 of 2');
    const [, g1] = w.guilds as [Guild, Guild];
    const start = run(w, g1, 'start', { bank: 'rnn-quiz', seconds: 60, count: 1 });
    expect((await start.waitForOriginal()).content).toMatch(/^Quiz \*\*/);
  });

  it('stops with a readable error when Discord closes with 4011 Sharding required', async () => {
    const emu = await DiscordEmulator.start({ maxGuildsPerShard: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-bot-shards-'));
    try {
      emu.createGuild({ name: 'a', shard: [0, 2] });
      emu.createGuild({ name: 'b', shard: [1, 2] });
      const env = {
        DISCORD_TOKEN: emu.bot.token,
        DISCORD_API_URL: emu.restUrl,
        QUIZDECK_DB: join(dir, 'quizdeck.db'),
        QUIZDECK_BANKS: BUNDLED_BANKS,
        QUIZDECK_LOG: 'silent',
      };
      const one = await createBot(loadConfig(env), { throttleIdentify: false });
      const failed = await one.start().then(
        () => undefined,
        (err: unknown) => err,
      );
      await one.stop();
      expect(failed).toBeInstanceOf(ConfigError);
      expect((failed as Error).message).toMatch(
        /^Discord closed the gateway with 4011 Sharding required: .*QUIZDECK_SHARDS/,
      );
      // Two shards hold one guild each: enough.
      const two = await createBot(loadConfig({ ...env, QUIZDECK_SHARDS: '2' }), {
        throttleIdentify: false,
      });
      await two.start();
      expect(two.client.guilds.cache.size).toBe(2);
      await two.stop();
    } finally {
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
