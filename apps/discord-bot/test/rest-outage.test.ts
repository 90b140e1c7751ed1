import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/index';
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
import { sqliteRows } from './sqlite-file';
import { TcpForwarder } from './tcp-forwarder';

let w: World | undefined;
let forwarder: TcpForwarder | undefined;
afterEach(async () => {
  await forwarder?.stop();
  await w?.close();
  w = undefined;
  forwarder = undefined;
});

const OUTAGE_MS = 8_000;

describe('Discord’s API out of reach mid-quiz', () => {
  it('waits out an 8 s outage of the REST path: every post once, every round graded once', async () => {
    const lines: string[] = [];
    w = await startWorld({
      memberNames: ['alice', 'bob'],
      timeScale: 1,
      // The bot's REST requests go through a forwarder the test closes, as a proxy restarting.
      restUrl: async (emu) => {
        forwarder = await TcpForwarder.start(Number(new URL(emu.restUrl).port));
        return `http://127.0.0.1:${forwarder.port}/api`;
      },
      log: createLogger('info', [], (line) => lines.push(line)),
    });
    const world = w;
    const fwd = forwarder as TcpForwarder;
    const alice = world.members.alice?.id as string;
    const bob = world.members.bob?.id as string;
    await runQuiz(world, 'start', { bank: 'rnn-quiz', count: 2, seconds: 60 }).response();
    const q1 = await waitForQuestion(world, 1);
    react(world, q1.id, alice, 'AD');
    await waitForClock(world, q1.id);
    await world.emu.waitFor(
      () => world.bot.engine.tracker.picks(q1.id).get(alice)?.join('') === 'AD',
      { timeoutMs: 8000, description: 'the bot to see alice’s letters' },
    );
    // Grading needs no REST (the gateway vouches); the reveal is the first request refused.
    await fwd.stop();
    world.bot.engine.closeNow(world.channelId);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const store = world.bot.engine.store;
    expect((await store.latestInChannel(world.channelId))?.state).toBe('running');
    expect(
      world.emu.messages(world.channelId).filter((m) => /^Answers?: /.test(titleOf(m))),
    ).toEqual([]);
    await fwd.start();
    await waitForReveal(world, q1.id);
    const q2 = await waitForQuestion(world, 2, world.channelId, 20_000);
    react(world, q2.id, bob, 'A');
    await closeWhenSeen(world, q2.id, { [bob]: 'A' });
    await waitForReveal(world, q2.id);
    await world.emu.waitForMessage(world.channelId, (m) => titleOf(m) === 'Quiz over: leaderboard');

    const session = await store.latestInChannel(world.channelId);
    expect(session?.state).toBe('finished');
    const mine = world.emu.messages(world.channelId).filter((m) => m.authorId === world.emu.bot.id);
    const titles = mine.map(titleOf);
    expect(titles.filter((t) => /^Question 1 of 2/.test(t))).toHaveLength(1);
    expect(titles.filter((t) => /^Question 2 of 2/.test(t))).toHaveLength(1);
    expect(titles.filter((t) => /^Answers?: /.test(t))).toHaveLength(2);
    expect(titles.filter((t) => t === 'Quiz over: leaderboard')).toHaveLength(1);
    expect(mine.filter((m) => m.content.startsWith('Quiz stopped'))).toEqual([]);
    const rounds = sqliteRows<{ idx: number; state: string; answers: number }>(
      world.config.db,
      `SELECT r.idx, r.state, (SELECT COUNT(*) FROM answers a WHERE a.round_id = r.id) AS answers
       FROM rounds r WHERE r.session_id = ? ORDER BY r.idx`,
      [session?.id],
    );
    expect(rounds).toEqual([
      { idx: 0, state: 'revealed', answers: 1 },
      { idx: 1, state: 'revealed', answers: 1 },
    ]);
    // One line when the outage starts and one when it ends, however many tries it took.
    expect(lines.filter((l) => l.includes('cannot reach Discord'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('Discord reachable again'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('failed (try'))).toEqual([]);
    expect(lines.filter((l) => l.includes('graded'))).toHaveLength(2);
  }, 60_000);
});
