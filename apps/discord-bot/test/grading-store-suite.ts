import { describe, expect, it } from 'vitest';
import { StoreInvariantError } from '../src/errors';
import type { Store } from '../src/index';
import { newSession, openRound } from './store-fixtures';

/**
 * Grading's part of the store (exactly once, atomic, in batches), the same on every backend;
 * `store()` is the suite's fresh store of the current test (see storeSuite).
 */
export function gradingStoreSuite(store: () => Store): void {
  describe('grading', () => {
    it('grades a round exactly once: a second grading changes nothing', async () => {
      const s = await newSession(store());
      const roundId = await openRound(store(), s.id, 0);
      const answers = [
        { userId: 'u1', selected: ['A'], verdict: 'correct' as const, score: 1 },
        { userId: 'u2', selected: ['B', 'C'], verdict: 'wrong' as const, score: 0 },
      ];
      expect(await store().gradeRound(roundId, answers, 4000)).toBe(true);
      expect(
        await store().gradeRound(
          roundId,
          [{ userId: 'u3', selected: ['A'], verdict: 'correct', score: 1 }],
          4001,
        ),
      ).toBe(false);
      expect(await store().answers(roundId)).toEqual([
        { userId: 'u1', selected: ['A'], verdict: 'correct', score: 1 },
        { userId: 'u2', selected: ['B', 'C'], verdict: 'wrong', score: 0 },
      ]);
      expect(await store().sessionStandings(s.id)).toEqual([
        { userId: 'u1', points: 1, answered: 1, correct: 1 },
        { userId: 'u2', points: 0, answered: 1, correct: 0 },
      ]);
      expect(await store().round(roundId)).toMatchObject({ state: 'graded', gradedAt: 4000 });
      await store().markRevealed(roundId);
      const again = store().markRevealed(roundId);
      await expect(again).rejects.toBeInstanceOf(StoreInvariantError);
      await expect(again).rejects.toMatchObject({
        code: 'BOT_STORE_INVARIANT',
        message: expect.stringMatching(/cannot move to revealed, it is not graded/),
      });
    });

    it('grades a round once when two gradings race: one wins, its answers are written once', async () => {
      const s = await newSession(store());
      const roundId = await openRound(store(), s.id, 0);
      const mine = [{ userId: 'u1', selected: ['A'], verdict: 'correct' as const, score: 1 }];
      const theirs = [{ userId: 'u2', selected: ['B'], verdict: 'wrong' as const, score: 0 }];
      const results = await Promise.all([
        store().gradeRound(roundId, mine, 4000),
        store().gradeRound(roundId, theirs, 4000),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? mine : theirs;
      expect(await store().answers(roundId)).toEqual(winner);
      expect(await store().sessionStandings(s.id)).toEqual([
        {
          userId: winner[0]?.userId,
          points: winner[0]?.score,
          answered: 1,
          correct: results[0] ? 1 : 0,
        },
      ]);
    });

    it('adds a round of 301 answers (written in batches) to the scores members already have', async () => {
      const s = await newSession(store());
      const first = await openRound(store(), s.id, 0);
      const member = (i: number) => `u${String(i).padStart(3, '0')}`;
      await store().gradeRound(
        first,
        [0, 1, 2].map((i) => ({
          userId: member(i),
          selected: ['A'],
          verdict: 'correct',
          score: 1,
        })),
        3500,
      );
      const before = await store().sessionStandings(s.id);
      const second = await openRound(store(), s.id, 1);
      const answers = Array.from({ length: 301 }, (_, i) => ({
        userId: member(i),
        selected: i % 2 ? ['A', 'C'] : ['B'],
        verdict: (i % 2 ? 'partial' : 'wrong') as 'partial' | 'wrong',
        score: i % 2 ? 0.5 : 0,
      }));
      expect(await store().gradeRound(second, answers, 4000)).toBe(true);
      expect(await store().answers(second)).toEqual(
        answers
          .map((a) => ({ ...a, selected: [...a.selected] }))
          .sort((a, b) => a.userId.localeCompare(b.userId)),
      );
      const after = new Map((await store().sessionStandings(s.id)).map((r) => [r.userId, r]));
      expect(after.size).toBe(301);
      for (const b of before) {
        const a = answers.find((x) => x.userId === b.userId);
        expect(after.get(b.userId)).toEqual({
          userId: b.userId,
          points: b.points + (a?.score ?? 0),
          answered: b.answered + 1,
          correct: b.correct,
        });
      }
      expect(after.get(member(300))).toEqual({
        userId: member(300),
        points: 0,
        answered: 1,
        correct: 0,
      });
    });

    it('rolls the whole grading back when one write fails', async () => {
      const s = await newSession(store());
      const roundId = await openRound(store(), s.id, 0);
      const dup = { userId: 'u1', selected: ['A'], verdict: 'correct' as const, score: 1 };
      await expect(store().gradeRound(roundId, [dup, dup], 4000)).rejects.toThrow();
      expect((await store().round(roundId))?.state).toBe('open');
      expect(await store().answers(roundId)).toEqual([]);
      expect(await store().sessionStandings(s.id)).toEqual([]);
      // The store is usable after the rollback, and the round can still be graded.
      expect(await store().gradeRound(roundId, [dup], 4001)).toBe(true);
      expect(await store().sessionStandings(s.id)).toEqual([
        { userId: 'u1', points: 1, answered: 1, correct: 1 },
      ]);
    });

    it('does not grade a skipped round, and does not skip a graded one', async () => {
      const s = await newSession(store());
      const roundId = await openRound(store(), s.id, 0);
      expect(await store().skipRound(roundId)).toBe(true);
      expect(await store().gradeRound(roundId, [], 4000)).toBe(false);
      const next = await openRound(store(), s.id, 1);
      expect(await store().gradeRound(next, [], 4000)).toBe(true);
      expect(await store().skipRound(next)).toBe(false);
    });
  });
}
