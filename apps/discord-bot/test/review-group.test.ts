import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuiz, type World } from './harness';
import { DAY, member, playQuiz, startReviewWorld } from './review-world';

let w: World;
let clock: { now: number };
let T0: number;

beforeAll(async () => {
  ({ w, clock } = await startReviewWorld({ env: { QUIZDECK_DIGEST_POLL_MS: '20' } }));
  T0 = clock.now;
  // alice misses a-single and gets b-multi right; bob misses both.
  await playQuiz(w, [
    { alice: 'A', bob: 'C' },
    { alice: 'AC', bob: 'B' },
  ]);
});
afterAll(() => w?.close());

const command = (
  userId: string,
  subcommand: string,
  options: Record<string, string | number | boolean>,
) =>
  runQuiz(w, subcommand, options, { userId }).response() as Promise<{ data: { content?: string } }>;

const digestLines = () => w.emu.messages(w.channelId).filter((m) => m.content.startsWith('📚'));

describe('review for the whole channel', () => {
  it('posts the opt-in daily line once a day at its hour, naming and pinging nobody', async () => {
    const hour = new Date(T0).getUTCHours();
    const off = await command(member(w, 'alice'), 'digest', { channel: w.channelId });
    expect(off.data.content).toContain('Only members with Manage Server');
    const on = await command(w.ownerId, 'digest', { channel: w.channelId, hour: (hour + 1) % 24 });
    expect(on.data.content).toContain(`<#${w.channelId}>`);
    expect(digestLines()).toEqual([]);
    // Before its hour: nothing. At the hour a day later, three cards are due for two members.
    clock.now = T0 + DAY + 60 * 60 * 1000;
    const line = await w.emu.waitFor(() => digestLines()[0], { description: 'the daily line' });
    expect(line.content).toBe(
      '📚 3 questions are due for 2 members. `/review next` brings yours, privately.',
    );
    expect(line.allowedMentions).toEqual({ parse: [] });
    expect(line.pinged).toEqual({ everyone: false, users: [], roles: [] });
    // The next day brings one more line, not one per tick.
    clock.now += DAY;
    await w.emu.waitFor(() => digestLines().length === 2, { description: 'the second day’s line' });
    clock.now += 60 * 1000;
    const marker = await runQuiz(w, 'digest', { off: true }).response();
    expect(JSON.stringify(marker)).toContain('off');
    expect(digestLines()).toHaveLength(2);
  });

  it('runs a group review round of the questions most due for the channel’s recent players', async () => {
    clock.now = T0 + DAY;
    const start = await command(w.ownerId, 'start', {
      bank: 'recall',
      mode: 'review',
      seconds: 60,
    });
    expect(start.data.content).toContain('(review: the questions most due for this channel)');
    const session = await w.bot.store.latestInChannel(w.channelId);
    // a-single is due for both members, b-multi only for bob.
    expect(session?.questionIds).toEqual(['a-single', 'b-multi']);
    await command(w.ownerId, 'stop', {});
    await w.bot.engine.idle();
  });

  it('says so when nobody in the channel has reviews in the bank', async () => {
    const empty = w.emu.createChannel(w.guildId, { name: 'empty' });
    const reply = (await runQuiz(
      w,
      'start',
      { bank: 'recall', mode: 'review' },
      { channelId: empty.id },
    ).response()) as { data: { content?: string } };
    expect(reply.data.content).toContain('Nobody who played in this channel lately');
  });
});
