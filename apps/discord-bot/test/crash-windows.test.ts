import type { OptionValue } from '@quizdeck/discord-emulator';
import { Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/index';
import {
  closeWhenSeen,
  descriptionOf,
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

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const POST = 'POST /channels/:channelId/messages';

const start = (world: World, options: Record<string, OptionValue>) =>
  runQuiz(world, 'start', { bank: 'rnn-quiz', seconds: 60, ...options }).response();

const answersOf = (world: World) =>
  sqliteRows<{ userId: string; selected: string; verdict: string }>(
    world.config.db,
    `SELECT a.user_id AS userId, a.selected, a.verdict FROM answers a
     JOIN rounds r ON r.id = a.round_id ORDER BY r.idx, a.user_id`,
  );

const questionPost = (world: World, n: number) =>
  world.emu.waitForMessage(world.channelId, (m) => titleOf(m) === `Question ${n} of 1`);

describe('case 1: reactions made before the bot knows its question’s message id', () => {
  it('counts reactions made while the bot was down, its post made but unanswered', async () => {
    w = await startWorld({ memberNames: ['alice', 'bob'], timeScale: 1 });
    const world = w;
    const alice = world.members.alice?.id as string;
    const bob = world.members.bob?.id as string;
    // Discord makes every create but the bot never gets an answer: it dies with its post made.
    world.emu.serverErrors.inject({ route: POST, afterHandling: true, count: 1000 });
    await start(world, { count: 1 });
    const q1 = await questionPost(world, 1);
    await world.bot.stop();
    world.emu.serverErrors.clear();
    react(world, q1.id, alice, 'AD'); // no bot is connected
    react(world, q1.id, bob, 'B');
    await world.restart();
    await waitForClock(world, q1.id); // the restarted bot found its post through the nonce
    world.bot.engine.closeNow(world.channelId);
    const reveal = await waitForReveal(world, q1.id);
    expect(descriptionOf(reveal)).toContain('**Answers (2):**');
    expect(answersOf(world)).toEqual(
      [
        { userId: alice, selected: 'AD', verdict: 'correct' },
        { userId: bob, selected: 'B', verdict: 'wrong' },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
    const questions = world.emu.messages(world.channelId).filter((m) => m.id === q1.id);
    expect(questions).toHaveLength(1);
  }, 30_000);

  it('keeps a reaction that arrives before the answer to its post, and shows the close time', async () => {
    w = await startWorld({ memberNames: ['alice'], timeScale: 1 });
    const world = w;
    const alice = world.members.alice?.id as string;
    const hold = world.emu.holds.inject({ route: POST, afterHandling: true });
    let seen = 0;
    world.bot.client.on(Events.Raw, (packet: { t?: string }) => {
      if (packet.t === 'MESSAGE_REACTION_ADD') seen++;
    });
    await start(world, { count: 1 });
    await hold.reached;
    const q1 = await questionPost(world, 1);
    react(world, q1.id, alice, 'AD');
    await world.emu.waitFor(() => seen === 2, { description: 'the bot to get both reactions' });
    hold.release();
    const open = await waitForQuestion(world, 1);
    expect(open.id).toBe(q1.id);
    await waitForClock(world, q1.id);
    await closeWhenSeen(world, q1.id, { [alice]: 'AD' });
    const reveal = await waitForReveal(world, q1.id);
    expect(descriptionOf(reveal)).toContain(`**Right (1):** <@${alice}>`);
  }, 30_000);
});

/** Plays a one-question quiz up to its reveal (alice right). */
async function playToReveal(world: World) {
  const alice = world.members.alice?.id as string;
  await start(world, { count: 1 });
  const q1 = await waitForQuestion(world, 1);
  react(world, q1.id, alice, 'AD');
  await closeWhenSeen(world, q1.id, { [alice]: 'AD' });
  await waitForReveal(world, q1.id);
}

const boards = (world: World) =>
  world.emu.messages(world.channelId).filter((m) => titleOf(m) === 'Quiz over: leaderboard');

describe('case 2 and 3: the final leaderboard', () => {
  it('is posted by the next start when the bot dies while posting it', async () => {
    w = await startWorld({ memberNames: ['alice'], timeScale: 1 });
    const world = w;
    await playToReveal(world);
    // The leaderboard's post fails every try discord.js makes; the bot dies before trying again.
    world.emu.serverErrors.inject({ route: POST, count: 4, status: 503 });
    await world.emu.waitFor(() => world.emu.serverErrors.hits.length === 4);
    await world.bot.stop();
    expect(boards(world)).toHaveLength(0);
    const store = await openStore(world.config.db);
    const ended = await store.latestInChannel(world.channelId);
    await store.close();
    expect(ended?.state).toBe('finished'); // over, but its leaderboard still owed
    await world.restart();
    const board = await world.emu.waitForMessage(
      world.channelId,
      (m) => titleOf(m) === 'Quiz over: leaderboard',
    );
    expect(descriptionOf(board)).toBe(`1. <@${world.members.alice?.id}> **1** pts (1/1 right)`);
    await world.bot.engine.idle();
    expect(await world.bot.engine.store.sessionsOwingBoard()).toEqual([]);
    // A third start owes nothing and posts nothing.
    await world.bot.stop();
    await world.restart();
    await world.bot.engine.idle();
    expect(boards(world)).toHaveLength(1);
  }, 30_000);

  it('is posted once when the answer to its post is lost after Discord made it', async () => {
    w = await startWorld({ memberNames: ['alice'], timeScale: 1 });
    const world = w;
    await playToReveal(world);
    world.emu.serverErrors.inject({ route: POST, afterHandling: true, count: 2 });
    await world.bot.engine.idle();
    expect(world.emu.serverErrors.hits.map((h) => h.afterHandling)).toEqual([true, true]);
    expect(boards(world)).toHaveLength(1);
    expect(await world.bot.engine.store.sessionsOwingBoard()).toEqual([]);
  }, 30_000);
});
