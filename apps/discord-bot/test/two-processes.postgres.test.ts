import { shardOf } from '@quizdeck/core';
import { DiscordEmulator } from '@quizdeck/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaderboardMessages } from '../src/discord/quiz-messages';
import { loadConfig, openStore, registerCommands, type Store } from '../src/index';
import { descriptionOf, titleOf } from './harness';
import { freshDatabase, rawClient } from './postgres';
import {
  answerAll,
  count,
  type Guild,
  questionsUp,
  runIn,
  shardBotEnv,
  shardGuild,
  startShardBot,
} from './shard-processes';
import { killLeftovers } from './spawned';

const QUESTIONS = 4;

let emu: DiscordEmulator;
let db: { url: string; drop(): Promise<void> };
let store: Store;

beforeAll(async () => {
  emu = await DiscordEmulator.start({ rateLimits: { reactionWindowMs: 20 } });
  db = await freshDatabase();
}, 60_000);

afterAll(async () => {
  killLeftovers();
  await store?.close();
  await emu?.stop();
  await db?.drop();
});

const env = (shard: number, url = db.url) => shardBotEnv(emu, shard, url);
const startBot = (shard: number, url = db.url) => startShardBot(emu, shard, url);

describe('two bot processes, one shard each, on one PostgreSQL', () => {
  it('grade every round once with four guilds quizzing at once, and take over a killed process', async () => {
    // Two guilds on each shard of two, three members in each.
    const guilds = [0, 0, 1, 1].map((shard, i) =>
      shardGuild(
        emu,
        `Group ${i}`,
        shard,
        ['ann', 'bo', 'cy'].map((name) => `${name}${i}`),
      ),
    );
    expect(guilds.map((g) => shardOf(g.id, 2))).toEqual([0, 0, 1, 1]);
    await registerCommands(loadConfig(env(0)));
    store = await openStore({ backend: 'postgres', url: db.url });

    const [a, b] = [startBot(0), startBot(1)];
    for (const bot of [a, b]) {
      await emu.waitFor(() => bot.out.log.includes('logged in as'), { timeoutMs: 30_000 });
    }
    // A hot standby for shard 1: it waits for the lease, connecting nothing meanwhile.
    const standby = startBot(1);
    await emu.waitFor(() => standby.out.log.includes('waiting for the leases of shard 1'), {
      timeoutMs: 30_000,
    });
    const owners = async () =>
      Object.fromEntries((await store.shardLeases()).map((l) => [l.shardId, l.owner]));
    expect(await owners()).toEqual({
      0: expect.stringContaining(`/${a.child.pid}/`),
      1: expect.stringContaining(`/${b.child.pid}/`),
    });
    const stopAnswering = answerAll(emu, guilds);
    try {
      for (const g of guilds) {
        await runIn(emu, g, 'quiz', 'start', { count: QUESTIONS, seconds: 10 }).response({
          timeoutMs: 10_000,
        });
      }
      // Mid-round on shard 0: question 2 is open in both its guilds, every member has answered.
      await emu.waitFor(
        () =>
          guilds
            .slice(0, 2)
            .every((g) =>
              questionsUp(emu, g).some(
                (m) =>
                  titleOf(m) === `Question 2 of ${QUESTIONS}` &&
                  descriptionOf(m).includes('Closes <t:') &&
                  g.members.every((u) => m.reactions.some((r) => r.users.includes(u))),
              ),
            ),
        { timeoutMs: 30_000, description: 'question 2 open on shard 0' },
      );
      a.child.kill('SIGKILL');
      await a.exited;
      // The replacement takes shard 0 over once the dead process's lease has expired.
      const replacement = startBot(0);
      await emu.waitFor(
        () =>
          guilds.every((g) =>
            emu.messages(g.channelId).some((m) => titleOf(m) === 'Quiz over: leaderboard'),
          ),
        { timeoutMs: 60_000, description: 'every quiz to finish' },
      );
      expect(replacement.out.log).toContain('holding the leases of shard 0');
      expect(replacement.out.log.match(/quiz \d+: resuming/g)).toHaveLength(2);
      expect(await owners()).toEqual({
        0: expect.stringContaining(`/${replacement.child.pid}/`),
        1: expect.stringContaining(`/${b.child.pid}/`),
      });
      expect(standby.out.log).not.toContain('logged in as');

      // Every round graded once: each question and each reveal posted once, each round's rows
      // written once and revealed, scores the sum of the answers.
      for (const g of guilds) {
        const messages = emu.messages(g.channelId);
        for (let n = 1; n <= QUESTIONS; n++) {
          expect(count(messages, (m) => titleOf(m) === `Question ${n} of ${QUESTIONS}`)).toBe(1);
        }
        expect(count(messages, (m) => /^Answers?: /.test(titleOf(m)))).toBe(QUESTIONS);
        expect(count(messages, (m) => titleOf(m) === 'Quiz over: leaderboard')).toBe(1);
      }
      const raw = await rawClient(db.url);
      try {
        const rounds = await raw.query<{ guild: string; state: string; answers: string }>(
          `SELECT s.guild_id AS guild, r.state, (SELECT COUNT(*) FROM answers a WHERE a.round_id = r.id) AS answers
           FROM rounds r JOIN sessions s ON s.id = r.session_id ORDER BY s.guild_id, r.idx`,
        );
        expect(rounds.rows).toHaveLength(guilds.length * QUESTIONS);
        for (const r of rounds.rows) {
          expect(r.state).toBe('revealed');
          expect(Number(r.answers)).toBe(3);
        }
        const drift = await raw.query(
          `SELECT s.session_id FROM scores s WHERE s.points <> (SELECT SUM(a.score) FROM answers a
             JOIN rounds r ON r.id = a.round_id WHERE r.session_id = s.session_id AND a.user_id = s.user_id)
             OR s.answered <> ${QUESTIONS}`,
        );
        expect(drift.rows).toEqual([]);
      } finally {
        await raw.end();
      }
      const log = a.out.log + b.out.log + replacement.out.log;
      for (const g of guilds) {
        const session = await store.latestInChannel(g.channelId);
        for (let n = 1; n <= QUESTIONS; n++) {
          const graded = log.match(
            new RegExp(
              `quiz ${session?.id}: question ${n}/${QUESTIONS} \\(\\S+\\) closed; graded`,
              'g',
            ),
          );
          expect(graded, `quiz ${session?.id} question ${n}`).toHaveLength(1);
        }
      }

      // Leaderboards come from the shared store: the replacement answers for rounds the killed
      // process graded, and each process answers as the store says.
      for (const g of guilds) {
        const run = runIn(emu, g, 'quizdeck', 'leaderboard', { scope: 'all' }, g.members[0]);
        const reply = (await run.response({ timeoutMs: 10_000 })) as {
          data?: { embeds?: { description?: string }[] };
        };
        const [expected] = leaderboardMessages(
          'Leaderboard: all time',
          await store.guildStandings(g.id, 'all', Date.now()),
        );
        expect(reply.data?.embeds?.[0]?.description).toBe(expected?.embeds?.[0]?.description);
        expect(reply.data?.embeds?.[0]?.description).toMatch(/\*\*\d+\*\* pts \(\d\/4 right\)/);
      }

      // b stops gracefully and gives its lease up: the standby takes shard 1 at once and answers
      // its guilds from the store.
      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);
      await emu.waitFor(() => standby.out.log.includes('logged in as'), { timeoutMs: 30_000 });
      expect(standby.out.log).toContain('holding the leases of shard 1');
      const g2 = guilds[2] as Guild;
      const stats = runIn(emu, g2, 'quizdeck', 'stats', {}, g2.members[0]);
      const mine = await store.memberStats(g2.id, g2.members[0] as string);
      expect(mine.answered).toBe(QUESTIONS);
      const statsReply = (await stats.response({ timeoutMs: 10_000 })) as {
        data?: { embeds?: { description?: string }[] };
      };
      expect(statsReply.data?.embeds?.[0]?.description).toContain(
        `Answered: **${mine.answered}**, right: **${mine.correct}**`,
      );
      for (const p of [replacement, standby]) p.child.kill('SIGTERM');
      expect(await Promise.all([replacement.exited, standby.exited])).toEqual([0, 0]);
    } finally {
      stopAnswering();
    }
  }, 180_000);

  it('never lets a paused owner that wakes after a takeover post, grade or reveal', async () => {
    const other = await freshDatabase();
    try {
      const g = shardGuild(emu, 'Paused', 0, ['dee', 'eli', 'fay']);
      await registerCommands(loadConfig(env(0, other.url)));
      const owner = startBot(0, other.url);
      await emu.waitFor(() => owner.out.log.includes('logged in as'), { timeoutMs: 30_000 });
      const standby = startBot(0, other.url);
      await emu.waitFor(() => standby.out.log.includes('waiting for the leases of shard 0'), {
        timeoutMs: 30_000,
      });
      const stopAnswering = answerAll(emu, [g]);
      try {
        await runIn(emu, g, 'quiz', 'start', { count: 3, seconds: 10 }).response({
          timeoutMs: 10_000,
        });
        await emu.waitFor(
          () =>
            questionsUp(emu, g).some(
              (m) =>
                titleOf(m) === 'Question 1 of 3' &&
                descriptionOf(m).includes('Closes <t:') &&
                g.members.every((u) => m.reactions.some((r) => r.users.includes(u))),
            ),
          { timeoutMs: 30_000, description: 'question 1 open, answered' },
        );
        // Paused mid-round (a frozen VM, a long GC, SIGSTOP): the standby takes the shard over,
        // grades the round and reveals it while the owner sleeps.
        owner.child.kill('SIGSTOP');
        const before = owner.out.log.length;
        await emu.waitFor(
          () => emu.messages(g.channelId).some((m) => titleOf(m) === 'Question 2 of 3'),
          { timeoutMs: 30_000, description: 'question 2 from the standby' },
        );
        // The owner wakes with its round's timer due, long past its lease.
        owner.child.kill('SIGCONT');
        expect(await owner.exited).toBe(1);
        const woke = owner.out.log.slice(before);
        expect(woke).toContain('shard lease lost');
        expect(woke).not.toMatch(/closed; graded|leaderboard posted|finished/);
        await emu.waitFor(
          () => emu.messages(g.channelId).some((m) => titleOf(m) === 'Quiz over: leaderboard'),
          { timeoutMs: 30_000, description: 'the quiz to finish' },
        );
        const messages = emu.messages(g.channelId);
        for (let n = 1; n <= 3; n++) {
          expect(count(messages, (m) => titleOf(m) === `Question ${n} of 3`)).toBe(1);
        }
        expect(count(messages, (m) => /^Answers?: /.test(titleOf(m)))).toBe(3);
        expect(
          standby.out.log.match(/quiz \d+: question \d\/3 \(\S+\) closed; graded 3 answers/g),
        ).toHaveLength(3);
        const raw = await rawClient(other.url);
        try {
          const rounds = await raw.query(
            `SELECT r.state, (SELECT COUNT(*)::int FROM answers a WHERE a.round_id = r.id) AS answers
             FROM rounds r ORDER BY r.idx`,
          );
          expect(rounds.rows).toEqual(Array(3).fill({ state: 'revealed', answers: 3 }));
        } finally {
          await raw.end();
        }
        standby.child.kill('SIGTERM');
        expect(await standby.exited).toBe(0);
      } finally {
        stopAnswering();
      }
    } finally {
      await other.drop();
    }
  }, 120_000);
});
