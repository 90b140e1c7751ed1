import { readFileSync, writeFileSync } from 'node:fs';
import { type CardState, reviewCard } from '@quizdeck/core';
import type { RecordedMessage } from '@quizdeck/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuiz, type World } from './harness';
import { at, click, DAY, member, playQuiz, review, startReviewWorld, text } from './review-world';
import { sqliteRows } from './sqlite-file';

let w: World;
let clock: { now: number };
let bankFile: string;
let T0: number;

beforeAll(async () => {
  ({ w, clock, bankFile } = await startReviewWorld());
  T0 = clock.now;
});
afterAll(() => w?.close());

const card = (name: string, questionId: string) =>
  w.bot.store.reviews.card({
    guildId: w.guildId,
    userId: member(w, name),
    bankId: 'recall',
    questionId,
  });
const reviewsDone = async (name: string) =>
  (await w.bot.store.reviews.tallies(w.guildId, member(w, name), null)).reduce(
    (n, t) => n + t.count,
    0,
  );
const noPings = (m: RecordedMessage) => {
  expect(m.allowedMentions).toEqual({ parse: [] });
  expect(m.pinged).toEqual({ everyone: false, users: [], roles: [] });
};

describe('spaced review in Discord', () => {
  // What FSRS gives alice's a-single card: missed in the quiz, right a day later.
  let aliceAfterReview: CardState;

  it('makes a quiz’s misses and right answers reviews, and brings a miss back the next day', async () => {
    // alice misses both questions (exact scoring: A alone on A+C is wrong), bob gets both right.
    await playQuiz(w, [
      { alice: 'A', bob: 'B' },
      { alice: 'A', bob: 'AC' },
    ]);
    expect(await card('alice', 'a-single')).toEqual(reviewCard(undefined, 'again', T0).state);
    expect(await card('bob', 'a-single')).toEqual(reviewCard(undefined, 'good', T0).state);

    const early = await review(w, 'alice', 'next');
    expect(early.ephemeral).toBe(true);
    expect(early.visibleTo).toBe(member(w, 'alice'));
    expect(text(early)).toContain('Nothing is due right now');
    expect(text(early)).toContain(at(T0 + DAY));
    expect(early.buttons).toEqual([]);

    clock.now = T0 + DAY;
    const due = await review(w, 'alice', 'next');
    expect(due.visibleTo).toBe(member(w, 'alice'));
    const shown = text(due);
    expect(shown).toContain('The passage text');
    expect(shown).toContain('Which letter is the key?');
    expect(shown).toContain('This one');
    expect(shown).toContain('recall · a-single');
    // Question text never pings: mentions neutralised, and nothing allowed.
    expect(shown).not.toMatch(/(^|[^\u200b])@everyone/);
    noPings(due);
    expect(due.buttons.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('grades a click once (a double click too), shows key, explanation and dispute, and reschedules later', async () => {
    clock.now = T0 + DAY;
    const question = (await w.emu.waitFor(() =>
      w.emu
        .ephemeralMessages(member(w, 'alice'))
        .findLast((m) => m.buttons.some((b) => b.label === 'B')),
    )) as RecordedMessage;
    const before = await reviewsDone('alice');
    const first = await click(w, 'alice', question, 'B');
    const second = await click(w, 'alice', question, 'B');
    const graded = await first.waitForUpdate((m) => text(m).includes('Your answer'));
    // The second click is answered with the same result (an update), not a second grade.
    const secondReply = (await second.response()) as { type: number; data: unknown };
    expect(secondReply.type).toBe(7);
    expect(JSON.stringify(secondReply.data)).toContain('Your answer: **B**: right');
    aliceAfterReview = reviewCard(reviewCard(undefined, 'again', T0).state, 'good', T0 + DAY).state;
    const body = text(graded);
    expect(body).toContain('Answer: B · right');
    expect(body).toContain('Your answer: **B**: right');
    expect(body).toContain('B is the key.');
    expect(body).toContain('⚠️ **Disputed:** Some say C');
    expect(body).toContain(`comes back ${at(aliceAfterReview.due)}`);
    noPings(graded);
    expect(graded.buttons.map((b) => b.label)).toEqual(['Next']);
    expect(await reviewsDone('alice')).toBe(before + 1);
    expect(await card('alice', 'a-single')).toEqual(aliceAfterReview);
    // A right answer pushes it further out than the miss did (one day).
    expect(aliceAfterReview.due - (T0 + DAY)).toBeGreaterThan(DAY);
    // bob's card did not move with alice's review.
    expect(await card('bob', 'a-single')).toEqual(reviewCard(undefined, 'good', T0).state);
  });

  it('takes several picks through toggles and Submit (Next brings the next due question)', async () => {
    const result = w.emu
      .ephemeralMessages(member(w, 'alice'))
      .findLast((m) => m.buttons.some((b) => b.label === 'Next')) as RecordedMessage;
    const next = await click(w, 'alice', result, 'Next');
    let q = await next.waitForOriginal((m) => text(m).includes('vowels'));
    expect(q.buttons.map((b) => [b.label, b.disabled])).toEqual([
      ['A', false],
      ['B', false],
      ['C', false],
      ['D', false],
      ['Submit', true],
    ]);
    q = await (await click(w, 'alice', q, 'A')).waitForUpdate();
    q = await (await click(w, 'alice', q, 'C')).waitForUpdate();
    q = await (await click(w, 'alice', q, 'B')).waitForUpdate();
    q = await (await click(w, 'alice', q, '✓ B')).waitForUpdate();
    expect(q.buttons.map((b) => b.label)).toEqual(['✓ A', 'B', '✓ C', 'D', 'Submit A, C']);
    expect(await card('alice', 'b-multi')).toEqual(reviewCard(undefined, 'again', T0).state);
    const graded = await (await click(w, 'alice', q, 'Submit A, C')).waitForUpdate();
    expect(text(graded)).toContain('Answers: A, C · right');
    expect(text(graded)).toContain('A and E are vowels.');
    const expected = reviewCard(reviewCard(undefined, 'again', T0).state, 'good', T0 + DAY);
    expect(await card('alice', 'b-multi')).toEqual(expected.state);
    const none = await (await click(w, 'alice', graded, 'Next')).waitForOriginal();
    expect(text(none)).toContain('Nothing is due right now');
  });

  it('brings a question back exactly on the date FSRS gave, not a millisecond before', async () => {
    clock.now = aliceAfterReview.due - 1;
    const before = await review(w, 'alice', 'next');
    expect(text(before)).toContain('Nothing is due right now');
    expect(text(before)).toContain(at(aliceAfterReview.due));
    clock.now = aliceAfterReview.due;
    const due = await review(w, 'alice', 'next');
    expect(text(due)).toContain('Which letter is the key?');
    expect(text(due)).toContain('seen 2 times');
  });

  it('loses nothing and grades nothing twice across a restart mid-review', async () => {
    // alice's question is on screen; the bot restarts; her click on the old message is graded.
    const shown = w.emu
      .ephemeralMessages(member(w, 'alice'))
      .findLast((m) => m.buttons.some((b) => b.label === 'B')) as RecordedMessage;
    await w.bot.stop();
    await w.restart();
    const before = await reviewsDone('alice');
    const graded = await (await click(w, 'alice', shown, 'C')).waitForUpdate();
    expect(text(graded)).toContain('Your answer: **C**: wrong');
    expect(await reviewsDone('alice')).toBe(before + 1);
    const lapsed = reviewCard(aliceAfterReview, 'again', aliceAfterReview.due).state;
    expect(await card('alice', 'a-single')).toEqual(lapsed);

    // bob's answer is committed, then the bot dies before answering the click: his click on the
    // same message after the restart shows that answer's result and reviews nothing more.
    clock.now = T0 + 3 * DAY;
    const bobs = await review(w, 'bob', 'next');
    const button = bobs.buttons.find((b) => b.label === 'B');
    const promptId = Number(button?.customId?.split(':')[3]);
    const bobBefore = await reviewsDone('bob');
    expect(
      await w.bot.store.reviews.answerPrompt(promptId, { rating: 'good', picks: 'B' }, clock.now),
    ).toMatchObject({ kind: 'reviewed' });
    await w.bot.stop();
    await w.restart();
    const again = await (await click(w, 'bob', bobs, 'B')).waitForUpdate();
    expect(text(again)).toContain('Your answer: **B**: right');
    const bobCard = await card('bob', 'a-single');
    expect(text(again)).toContain(`comes back ${at(bobCard?.due ?? 0)}`);
    expect(await reviewsDone('bob')).toBe(bobBefore + 1);
  });

  it('keeps a reworded question’s schedule, and stops offering a question that left the bank', async () => {
    const kept = await card('alice', 'a-single');
    const bank = JSON.parse(readFileSync(bankFile, 'utf8'));
    bank.questions[0].prompt = 'Reworded: which letter is the key?';
    bank.questions = bank.questions.slice(0, 1);
    writeFileSync(bankFile, JSON.stringify(bank));
    w.bot.catalog.reload();
    clock.now = (kept?.due ?? 0) + 10 * DAY;
    const due = await review(w, 'alice', 'next');
    expect(text(due)).toContain('Reworded: which letter is the key?');
    expect(await card('alice', 'a-single')).toEqual(kept);
    const status = await review(w, 'alice', 'status');
    const body = text(status);
    // b-multi's card is kept in the store but not counted: its question is gone.
    expect(await card('alice', 'b-multi')).toBeDefined();
    expect(body).toContain('Questions in review: **1**');
    expect(body).toContain('Due now: **1**');
    expect(body).toContain(`Reviews done: **${await reviewsDone('alice')}**`);
    // Tested reviews after the first: a-single right, then wrong; b-multi right (log kept).
    expect(body).toContain('Retention: **67%**');
    noPings(status);
    const other = await review(w, 'alice', 'status', { bank: 'nope' });
    expect(text(other) + other.content).toContain('No bank `nope`');
  });
});

describe('the bot’s clock beyond review', () => {
  it('counts the leaderboard’s last seven days by the clock that stamps the grades', async () => {
    const board = async (scope: 'week' | 'all') => {
      const reply = (await runQuiz(w, 'leaderboard', { scope }).response()) as {
        data: { embeds?: { description?: string }[] };
      };
      return reply.data.embeds?.[0]?.description ?? '';
    };
    const was = clock.now;
    clock.now = Date.UTC(2100, 0, 1);
    try {
      expect(await board('week')).toBe('No answers yet.');
      expect(await board('all')).toContain(`<@${member(w, 'bob')}>`);
    } finally {
      clock.now = was;
    }
  });

  it('stamps a session’s start and end and the guild’s settings with that clock too', async () => {
    const was = clock.now;
    const at = Date.UTC(2100, 0, 1);
    clock.now = at;
    try {
      await playQuiz(w, [{ bob: 'B' }]);
      const [last] = sqliteRows<{ startedAt: number; endedAt: number; state: string }>(
        w.config.db,
        'SELECT started_at AS startedAt, ended_at AS endedAt, state FROM sessions ORDER BY id DESC LIMIT 1',
      );
      expect(last).toEqual({ startedAt: at, endedAt: at, state: 'finished' });
      await runQuiz(w, 'config', { seconds: 45 }).response();
      expect(
        sqliteRows(
          w.config.db,
          'SELECT updated_at AS updatedAt FROM guild_settings WHERE guild_id = ?',
          [w.guildId],
        ),
      ).toEqual([{ updatedAt: at }]);
    } finally {
      clock.now = was;
    }
  });
});
