import { afterEach, describe, expect, it } from 'vitest';
import {
  closeWhenSeen,
  react,
  runQuiz,
  startWorld,
  titleOf,
  type World,
  waitForClock,
  waitForQuestion,
  waitForReveal,
} from './harness';
import { freshDatabase, rawClient } from './postgres';

let w: World | undefined;
let drop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await w?.close();
  await drop?.();
  w = undefined;
  drop = undefined;
});

describe('the bot on PostgreSQL', () => {
  it('plays a quiz through a restart past a round’s close: graded once, leaderboard from the store', async () => {
    const db = await freshDatabase();
    drop = db.drop;
    w = await startWorld({ memberNames: ['alice', 'bob'], timeScale: 1, db: db.url });
    const world = w;
    expect(world.bot.store.backend).toBe('postgres');
    const alice = world.members.alice?.id as string;
    const bob = world.members.bob?.id as string;
    await runQuiz(world, 'start', { bank: 'rnn-quiz', count: 2, seconds: 60 }).response();
    const q1 = await waitForQuestion(world, 1);
    react(world, q1.id, alice, 'AD');
    react(world, q1.id, bob, 'B');
    await waitForClock(world, q1.id);
    const session = await world.bot.store.latestInChannel(world.channelId);
    const round = await world.bot.store.latestRound(session?.id ?? -1);
    expect(round?.state).toBe('open');
    await world.bot.stop();
    // The bot stays down past the close: moving the stored close into the past stands in for it.
    const raw = await rawClient(db.url);
    await raw.query('UPDATE rounds SET closes_at = $1 WHERE id = $2', [Date.now() - 1, round?.id]);
    await raw.end();
    await world.restart();
    const reveal = await waitForReveal(world, q1.id);
    expect(titleOf(reveal)).toBe('Answers: A, D');
    const q2 = await waitForQuestion(world, 2);
    await closeWhenSeen(world, q2.id, {});
    await world.emu.waitForMessage(world.channelId, (m) => titleOf(m) === 'Quiz over: leaderboard');
    const { store } = world.bot;
    expect(await store.answers(round?.id ?? -1)).toEqual(
      [
        { userId: alice, selected: ['A', 'D'], verdict: 'correct', score: 1 },
        { userId: bob, selected: ['B'], verdict: 'wrong', score: 0 },
      ].sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    );
    expect(
      world.emu.messages(world.channelId).filter((m) => titleOf(m) === 'Answers: A, D'),
    ).toHaveLength(1);
    expect(
      (await store.sessionStandings(session?.id ?? -1)).map((s) => [s.userId, s.points]),
    ).toEqual([
      [alice, 1],
      [bob, 0],
    ]);
    await world.bot.engine.idle();
    expect(await store.sessionsOwingBoard()).toEqual([]);
    expect((await store.session(session?.id ?? -1))?.state).toBe('finished');
  }, 60_000);
});
