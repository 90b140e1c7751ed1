import type { OptionValue } from '@quizdeck/discord-emulator';
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
import { sqliteRows, sqliteWrite } from './sqlite-file';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const start = (world: World, options: Record<string, OptionValue>) =>
  runQuiz(world, 'start', { bank: 'rnn-quiz', seconds: 5, ...options }).response();

const reactionReads = (world: World) =>
  world.emu.requests.filter((r) => r.method === 'GET' && /\/reactions\//.test(r.path)).length;

const answersOf = (world: World, questionId: string) =>
  sqliteRows<{ userId: string; selected: string; verdict: string }>(
    world.config.db,
    `SELECT a.user_id AS userId, a.selected, a.verdict FROM answers a
     JOIN rounds r ON r.id = a.round_id WHERE r.question_id = ? ORDER BY a.user_id`,
    [questionId],
  );

describe('restart mid-round', () => {
  it('grades the round once, from Discord’s reactions, after the bot comes back past the close', async () => {
    // A long window: the bot must still be inside it when the test stops it, however slow.
    w = await startWorld({ memberNames: ['alice', 'bob', 'carol'], timeScale: 1 });
    const world = w;
    const m = world.members;
    await start(world, { count: 2, seconds: 60 });
    const q1 = await waitForQuestion(world, 1);
    react(world, q1.id, m.alice?.id as string, 'AD');
    react(world, q1.id, m.bob?.id as string, 'B');
    await waitForClock(world, q1.id);
    const round = await world.bot.engine.store.latestRound(
      (await world.bot.engine.store.latestInChannel(world.channelId))?.id ?? -1,
    );
    await world.bot.stop(); // as a crash would: the database says the round is open
    expect(round?.state).toBe('open');
    react(world, q1.id, m.carol?.id as string, 'AD'); // seen by no gateway session
    // The bot stays down past the close: moving the stored close into the past stands in for the
    // minute of waiting.
    sqliteWrite(world.config.db, 'UPDATE rounds SET closes_at = ? WHERE id = ?', [
      Date.now() - 1,
      round?.id,
    ]);
    const readsBefore = reactionReads(world);
    await world.restart();
    const reveal = await waitForReveal(world, q1.id);
    expect(titleOf(reveal)).toBe('Answers: A, D');
    expect(reactionReads(world)).toBeGreaterThanOrEqual(readsBefore + 4);
    const q2 = await waitForQuestion(world, 2);
    await closeWhenSeen(world, q2.id, {});
    await world.emu.waitForMessage(world.channelId, (x) => titleOf(x) === 'Quiz over: leaderboard');
    expect(answersOf(world, 'growing-weights')).toEqual(
      [
        { userId: m.alice?.id, selected: 'AD', verdict: 'correct' },
        { userId: m.bob?.id, selected: 'B', verdict: 'wrong' },
        { userId: m.carol?.id, selected: 'AD', verdict: 'correct' },
      ].sort((a, b) => String(a.userId).localeCompare(String(b.userId))),
    );
    const reveals = world.emu
      .messages(world.channelId)
      .filter((x) => titleOf(x) === 'Answers: A, D');
    expect(reveals).toHaveLength(1);
    expect((await world.bot.engine.store.latestInChannel(world.channelId))?.state).toBe('finished');
  }, 30_000);
});

describe('restart before the close', () => {
  it('re-arms the open round and grades it at its original close', async () => {
    w = await startWorld({ memberNames: ['alice', 'bob'], timeScale: 0.6 });
    const world = w;
    await start(world, { count: 1 });
    const q1 = await waitForQuestion(world, 1);
    react(world, q1.id, world.members.alice?.id as string, 'AD');
    await waitForClock(world, q1.id);
    const store = world.bot.engine.store;
    const closesAt = (
      await store.latestRound((await store.latestInChannel(world.channelId))?.id ?? -1)
    )?.closesAt;
    await world.bot.stop();
    await world.restart();
    expect(Date.now()).toBeLessThan(closesAt ?? 0);
    react(world, q1.id, world.members.bob?.id as string, 'D');
    const reveal = await waitForReveal(world, q1.id);
    expect(Date.parse(reveal.createdAt)).toBeGreaterThanOrEqual(
      closesAt ?? Number.POSITIVE_INFINITY,
    );
    expect(
      answersOf(world, 'growing-weights')
        .map((a) => [a.selected, a.verdict])
        .sort(),
    ).toEqual([
      ['AD', 'correct'],
      ['D', 'wrong'],
    ]);
  });
});

describe('gateway trouble mid-quiz', () => {
  // Rounds are closed by the test at the moment that matters, not by a short timer.
  it('keeps reactions sent while the connection was down (resumed session)', async () => {
    w = await startWorld({ memberNames: ['alice', 'bob'], timeScale: 1 });
    const world = w;
    await start(world, { count: 1, seconds: 60 });
    const q1 = await waitForQuestion(world, 1);
    const resumes = world.emu.gatewayStats.resumes;
    const reads = reactionReads(world);
    world.emu.dropConnections();
    react(world, q1.id, world.members.alice?.id as string, 'AD');
    react(world, q1.id, world.members.bob?.id as string, 'C');
    // Close as the bot asks to resume, before it has read the replay: the close must wait for it.
    await world.emu.waitFor(() => world.emu.gatewayStats.resumes > resumes, {
      description: 'the RESUME',
    });
    world.bot.engine.closeNow(world.channelId);
    await waitForReveal(world, q1.id);
    expect(reactionReads(world)).toBe(reads); // resumed: the gateway events were enough
    expect(
      answersOf(world, 'growing-weights')
        .map((a) => [a.selected, a.verdict])
        .sort(),
    ).toEqual([
      ['AD', 'correct'],
      ['C', 'wrong'],
    ]);
  }, 20_000);

  it('checks reactions over REST when its session was invalidated instead of resumed', async () => {
    w = await startWorld({ memberNames: ['alice', 'bob'], timeScale: 1 });
    const world = w;
    await start(world, { count: 1, seconds: 60 });
    const q1 = await waitForQuestion(world, 1);
    react(world, q1.id, world.members.alice?.id as string, 'A');
    const identifies = world.emu.gatewayStats.identifies;
    const reads = reactionReads(world);
    world.emu.invalidateSession({ resumable: false });
    react(world, q1.id, world.members.bob?.id as string, 'AD');
    // Bob's reactions reach no session; the bot can tell only from its new READY.
    await world.emu.waitFor(() => !world.bot.engine.tracker.isVouched(q1.id), {
      description: 'the bot to stop vouching for the round',
    });
    world.bot.engine.closeNow(world.channelId);
    await waitForReveal(world, q1.id);
    expect(world.emu.gatewayStats.identifies).toBeGreaterThan(identifies);
    expect(reactionReads(world)).toBeGreaterThanOrEqual(reads + 4);
    expect(
      answersOf(world, 'growing-weights')
        .map((a) => [a.selected, a.verdict])
        .sort(),
    ).toEqual([
      ['A', 'wrong'],
      ['AD', 'correct'],
    ]);
  }, 20_000);
});

describe('Discord losing answers', () => {
  it('posts each question and reveal once when the answers to its posts are lost', async () => {
    w = await startWorld({ memberNames: ['alice'], timeScale: 1 });
    const world = w;
    const route = 'POST /channels/:channelId/messages';
    // Every try discord.js makes (1 + 3 retries) creates the post and loses the answer: the quiz
    // loop then tries the step again.
    world.emu.serverErrors.inject({ route, afterHandling: true, count: 4 });
    await start(world, { count: 1, seconds: 60 });
    const q1 = await waitForQuestion(world, 1);
    react(world, q1.id, world.members.alice?.id as string, 'AD');
    world.emu.serverErrors.inject({ route, afterHandling: true, count: 2 });
    await closeWhenSeen(world, q1.id, { [world.members.alice?.id as string]: 'AD' });
    await waitForReveal(world, q1.id);
    await world.emu.waitForMessage(world.channelId, (m) => titleOf(m) === 'Quiz over: leaderboard');
    expect(world.emu.serverErrors.hits).toHaveLength(6);
    const posts = world.emu
      .messages(world.channelId)
      .filter((m) => m.authorId === world.emu.bot.id)
      .map((m) => `${m.content}|${JSON.stringify(m.edits[0]?.embeds ?? m.embeds)}`);
    expect(posts.length).toBeGreaterThanOrEqual(3); // question, reveal, leaderboard
    expect(new Set(posts).size).toBe(posts.length);
    expect(answersOf(world, 'growing-weights')).toEqual([
      { userId: world.members.alice?.id, selected: 'AD', verdict: 'correct' },
    ]);
  }, 30_000);
});
