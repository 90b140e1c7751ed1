import { reviewCard } from '@quizdeck/core';
import { describe, expect, it } from 'vitest';
import type { SqlStore } from '../src/db/quiz-store';
import type { Store } from '../src/index';
import { newRound, newSession } from './store-fixtures';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 20);

/**
 * Spaced review's part of the store, the same on every backend; `store()` is the suite's fresh
 * store of the current test (see storeSuite).
 */
export function reviewStoreSuite(store: () => Store): void {
  describe('reviews', () => {
    let channel = 0;
    /** A graded round of `question` in a new session of bank `b1` (guild g1). */
    const gradedRound = async (
      question: string,
      answers: { userId: string; verdict: 'correct' | 'partial' | 'wrong' | 'unanswered' }[],
      now: number,
      bankId = 'b1',
    ) => {
      const s = await newSession(store(), {
        channelId: `c${channel++}`,
        bankId,
        scoring: 'partial',
        questionIds: [question],
        now,
      });
      const r = await newRound(store(), s.id, 0, { channelId: s.channelId, questionId: question });
      await store().setRoundMessage(r.id, `m${r.id}`);
      await store().openRound(r.id, now, now + 1);
      const graded = answers.map((a) => ({
        ...a,
        selected: a.verdict === 'unanswered' ? [] : ['A'],
        score: a.verdict === 'correct' ? 1 : 0,
      }));
      return { session: s, roundId: r.id, graded };
    };
    const key = (userId: string, questionId = 'q1', bankId = 'b1') => ({
      guildId: 'g1',
      userId,
      bankId,
      questionId,
    });
    const reviews = (userId: string) => store().reviews.tallies('g1', userId, null);
    const total = async (userId: string) =>
      (await reviews(userId)).reduce((n, t) => n + t.count, 0);

    it('writes each graded answer of a round as a review, in the grade: right good, partial hard, wrong again, unanswered none', async () => {
      const { roundId, graded } = await gradedRound(
        'q1',
        [
          { userId: 'right', verdict: 'correct' },
          { userId: 'part', verdict: 'partial' },
          { userId: 'miss', verdict: 'wrong' },
          { userId: 'none', verdict: 'unanswered' },
        ],
        T0,
      );
      expect(await store().gradeRound(roundId, graded, T0)).toBe(true);
      const r = store().reviews;
      expect(await r.card(key('right'))).toEqual(reviewCard(undefined, 'good', T0).state);
      expect(await r.card(key('part'))).toEqual(reviewCard(undefined, 'hard', T0).state);
      expect(await r.card(key('miss'))).toEqual(reviewCard(undefined, 'again', T0).state);
      expect((await r.card(key('miss')))?.due).toBe(T0 + DAY);
      expect(await r.card(key('none'))).toBeUndefined();
      expect(await reviews('miss')).toEqual([{ rating: 'again', phaseBefore: 'new', count: 1 }]);
      expect(await total('none')).toBe(0);
    });

    it('reviews nothing on a re-grade, nor twice when two gradings race', async () => {
      const { roundId, graded } = await gradedRound('q1', [{ userId: 'u1', verdict: 'wrong' }], T0);
      const results = await Promise.all([
        store().gradeRound(roundId, graded, T0),
        store().gradeRound(roundId, graded, T0),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store().gradeRound(roundId, graded, T0 + 5 * DAY)).toBe(false);
      expect(await total('u1')).toBe(1);
      expect(await store().reviews.card(key('u1'))).toEqual(
        reviewCard(undefined, 'again', T0).state,
      );
    });

    it('writes a 300-member round as 300 cards and 300 log rows, each as FSRS reviews it, logged in member order', async () => {
      const ids = Array.from({ length: 300 }, (_, i) => `m${String(i).padStart(3, '0')}`);
      const VERDICTS = ['correct', 'partial', 'wrong'] as const;
      const RATING = { correct: 'good', partial: 'hard', wrong: 'again' } as const;
      // Half of them hold a card already (from a first round), across the 200-member chunks.
      const first = await gradedRound(
        'q1',
        ids
          .slice(0, 150)
          .map((userId, i) => ({ userId, verdict: VERDICTS[(i + 1) % 3] ?? 'wrong' })),
        T0,
      );
      await store().gradeRound(first.roundId, first.graded, T0);
      const later = T0 + 3 * DAY;
      // Answers in an order that is not the members' ids: the log follows the ids (the order
      // every grading writes cards in).
      const answers = [...ids].reverse().map((userId, i) => ({
        userId,
        verdict: VERDICTS[i % 3] ?? 'wrong',
      }));
      const second = await gradedRound('q1', answers, later);
      expect(await store().gradeRound(second.roundId, second.graded, later)).toBe(true);

      const sorted = [...answers].sort((x, y) => (x.userId < y.userId ? -1 : 1));
      const expected = sorted.map(({ userId, verdict }) => {
        const i = ids.indexOf(userId);
        const prior =
          i < 150
            ? reviewCard(undefined, RATING[VERDICTS[(i + 1) % 3] ?? 'wrong'], T0).state
            : undefined;
        return { userId, ...reviewCard(prior, RATING[verdict], later) };
      });
      const cards = await store().reviews.membersCards('g1', 'b1', ids);
      expect(cards).toHaveLength(300);
      const byUser = new Map(cards.map((c) => [c.userId, c.state]));
      for (const e of expected) expect(byUser.get(e.userId)).toEqual(e.state);
      expect(expected.filter((e) => e.state.reps === 2)).toHaveLength(150);

      const sql = (store() as SqlStore).sql;
      const log = await sql.all<Record<string, unknown>>(
        `SELECT user_id, reviewed_at, rating, phase_before, elapsed_days, scheduled_days, stability,
           difficulty, due, round_id, prompt_id FROM review_log WHERE round_id = ? ORDER BY id`,
        [second.roundId],
      );
      expect(
        log.map((r) => ({
          userId: r.user_id,
          log: {
            reviewedAt: Number(r.reviewed_at),
            rating: r.rating,
            phaseBefore: r.phase_before,
            elapsedDays: Number(r.elapsed_days),
            scheduledDays: Number(r.scheduled_days),
            stability: Number(r.stability),
            difficulty: Number(r.difficulty),
            due: Number(r.due),
          },
          roundId: Number(r.round_id),
          promptId: r.prompt_id,
        })),
      ).toEqual(
        expected.map((e) => ({
          userId: e.userId,
          log: e.log,
          roundId: second.roundId,
          promptId: null,
        })),
      );
    });

    it('moves a card on from its stored state, one card per member and question', async () => {
      const first = await gradedRound(
        'q1',
        [
          { userId: 'u1', verdict: 'wrong' },
          { userId: 'u2', verdict: 'correct' },
        ],
        T0,
      );
      await store().gradeRound(first.roundId, first.graded, T0);
      const later = T0 + 2 * DAY;
      const second = await gradedRound('q1', [{ userId: 'u1', verdict: 'correct' }], later);
      await store().gradeRound(second.roundId, second.graded, later);
      const other = await gradedRound('q2', [{ userId: 'u1', verdict: 'wrong' }], later);
      await store().gradeRound(other.roundId, other.graded, later);
      const elsewhere = await gradedRound('q1', [{ userId: 'u1', verdict: 'wrong' }], later, 'b2');
      await store().gradeRound(elsewhere.roundId, elsewhere.graded, later);

      const expected = reviewCard(reviewCard(undefined, 'again', T0).state, 'good', later).state;
      const r = store().reviews;
      expect(await r.card(key('u1'))).toEqual(expected);
      // The other member's card did not move with u1's second review.
      expect(await r.card(key('u2'))).toEqual(reviewCard(undefined, 'good', T0).state);
      expect((await r.card(key('u1', 'q2')))?.due).toBe(later + DAY);
      expect((await r.card(key('u1', 'q1', 'b2')))?.due).toBe(later + DAY);
      expect(await total('u1')).toBe(4);
      expect(await total('u2')).toBe(1);
    });

    it('lists a member’s cards in due order, a page at a time, by bank and due date', async () => {
      for (const [i, q] of ['q1', 'q2', 'q3', 'q4'].entries()) {
        const verdict = i % 2 ? 'correct' : 'wrong';
        const g = await gradedRound(q, [{ userId: 'u1', verdict }], T0 + i);
        await store().gradeRound(g.roundId, g.graded, T0 + i);
      }
      const g = await gradedRound('q1', [{ userId: 'u2', verdict: 'wrong' }], T0);
      await store().gradeRound(g.roundId, g.graded, T0);
      const r = store().reviews;
      const all = await r.memberCards({
        guildId: 'g1',
        userId: 'u1',
        bankId: null,
        dueBy: null,
        limit: 10,
      });
      // Misses (due in a day) before right answers (three days), earliest first.
      expect(all.map((c) => c.questionId)).toEqual(['q1', 'q3', 'q2', 'q4']);
      const page1 = await r.memberCards({
        guildId: 'g1',
        userId: 'u1',
        bankId: 'b1',
        dueBy: null,
        limit: 3,
      });
      const page2 = await r.memberCards({
        guildId: 'g1',
        userId: 'u1',
        bankId: 'b1',
        dueBy: null,
        limit: 3,
        ...(page1[2] ? { after: page1[2] } : {}),
      });
      expect([...page1, ...page2].map((c) => c.questionId)).toEqual(['q1', 'q3', 'q2', 'q4']);
      const dueSoon = await r.memberCards({
        guildId: 'g1',
        userId: 'u1',
        bankId: null,
        dueBy: T0 + 2 * DAY,
        limit: 10,
      });
      expect(dueSoon.map((c) => c.questionId)).toEqual(['q1', 'q3']);
      expect(
        await r.memberCards({ guildId: 'g1', userId: 'u1', bankId: 'b9', dueBy: null, limit: 9 }),
      ).toEqual([]);
    });

    it('takes one answer per prompt: a second answer, or one racing it, reviews nothing', async () => {
      const g = await gradedRound('q1', [{ userId: 'u1', verdict: 'wrong' }], T0);
      await store().gradeRound(g.roundId, g.graded, T0);
      const r = store().reviews;
      const shownAt = T0 + DAY;
      const prompt = await r.createPrompt({ ...key('u1'), bankFilter: 'b1', shownAt });
      expect(await r.prompt(prompt.id)).toEqual({
        ...key('u1'),
        id: prompt.id,
        bankFilter: 'b1',
        shownAt,
        answeredAt: null,
        picks: null,
      });
      const answers = await Promise.all([
        r.answerPrompt(prompt.id, { rating: 'good', picks: 'B' }, shownAt + 10),
        r.answerPrompt(prompt.id, { rating: 'again', picks: 'C' }, shownAt + 11),
      ]);
      const reviewed = answers.find((a) => a.kind === 'reviewed');
      expect(reviewed).toMatchObject({ kind: 'reviewed', rating: 'good' });
      const expected = reviewCard(reviewCard(undefined, 'again', T0).state, 'good', shownAt + 10);
      expect(await r.card(key('u1'))).toEqual(expected.state);
      const again = await r.answerPrompt(prompt.id, { rating: 'again', picks: 'D' }, shownAt + 99);
      expect(again).toEqual({ kind: 'already-answered', picks: 'B', due: expected.state.due });
      expect(answers).toContainEqual(again);
      expect(await total('u1')).toBe(2);
      expect(await r.card(key('u1'))).toEqual(expected.state);
    });

    it('refuses a prompt whose card was reviewed after it was shown (a second Next, a live quiz)', async () => {
      const g = await gradedRound('q1', [{ userId: 'u1', verdict: 'wrong' }], T0);
      await store().gradeRound(g.roundId, g.graded, T0);
      const r = store().reviews;
      const at = T0 + DAY;
      const one = await r.createPrompt({ ...key('u1'), bankFilter: null, shownAt: at });
      const two = await r.createPrompt({ ...key('u1'), bankFilter: null, shownAt: at });
      expect((await r.answerPrompt(one.id, { rating: 'good', picks: 'A' }, at + 5)).kind).toBe(
        'reviewed',
      );
      expect(await r.answerPrompt(two.id, { rating: 'good', picks: 'A' }, at + 6)).toEqual({
        kind: 'stale',
      });
      const three = await r.createPrompt({ ...key('u1'), bankFilter: null, shownAt: at + 10 });
      const quiz = await gradedRound('q1', [{ userId: 'u1', verdict: 'correct' }], at + 20);
      await store().gradeRound(quiz.roundId, quiz.graded, at + 20);
      expect(await r.answerPrompt(three.id, { rating: 'again', picks: 'B' }, at + 30)).toEqual({
        kind: 'stale',
      });
      expect(await r.answerPrompt(999_999, { rating: 'good', picks: 'A' }, at)).toEqual({
        kind: 'unknown',
      });
      expect(await total('u1')).toBe(3);
    });

    it('finds the members of a channel’s recent sessions, and a guild’s due cards', async () => {
      const g = await gradedRound(
        'q1',
        [
          { userId: 'u1', verdict: 'wrong' },
          { userId: 'u2', verdict: 'correct' },
          { userId: 'u3', verdict: 'unanswered' },
        ],
        T0,
      );
      await store().gradeRound(g.roundId, g.graded, T0);
      const r = store().reviews;
      expect(await r.recentMembers(g.session.channelId, 5)).toEqual(['u1', 'u2', 'u3']);
      expect(await r.recentMembers('elsewhere', 5)).toEqual([]);
      expect(await r.guildDueCards('g1', T0 + DAY)).toEqual([
        { userId: 'u1', bankId: 'b1', questionId: 'q1' },
      ]);
      expect(
        (await r.membersCards('g1', 'b1', ['u1', 'u2', 'u9'])).map((c) => c.userId).sort(),
      ).toEqual(['u1', 'u2']);
    });

    it('keeps a guild’s daily line setting, and lets one post a day claim it', async () => {
      const r = store().reviews;
      expect(await r.digests()).toEqual([]);
      await r.saveDigest('g1', { channelId: 'c9', hourUtc: 9 });
      await r.saveDigest('g1', { channelId: 'c8', hourUtc: 8 });
      expect(await r.digest('g1')).toEqual({
        guildId: 'g1',
        channelId: 'c8',
        hourUtc: 8,
        lastPostedDay: null,
      });
      const day = 20_000 * DAY;
      expect(await r.claimDigestDay('g1', day)).toBe(true);
      expect(await r.claimDigestDay('g1', day)).toBe(false);
      expect(await r.claimDigestDay('g1', day + DAY)).toBe(true);
      expect((await r.digests()).map((d) => d.lastPostedDay)).toEqual([day + DAY]);
      await r.saveDigest('g1', null);
      expect(await r.digests()).toEqual([]);
    });
  });
}
