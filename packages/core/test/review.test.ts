import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CardState,
  CardStateSchema,
  FSRS_PARAMETERS,
  isDue,
  type ReviewRating,
  recallProbability,
  retention,
  reviewCard,
  verdictRating,
} from '../src/index';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 20, 0, 0);

/** Reviews a fresh card with `ratings` in turn, each on the day the previous review made it due. */
function chain(ratings: readonly ReviewRating[]): CardState {
  let state: CardState | undefined;
  let now = T0;
  for (const r of ratings) {
    state = reviewCard(state, r, now).state;
    now = state.due;
  }
  if (state === undefined) throw new Error('empty chain');
  return state;
}

describe('verdictRating', () => {
  it('maps correct → good, partial → hard, wrong → again, unanswered → no review', () => {
    expect(verdictRating('correct')).toBe('good');
    expect(verdictRating('partial')).toBe('hard');
    expect(verdictRating('wrong')).toBe('again');
    expect(verdictRating('unanswered')).toBeUndefined();
  });
});

describe('reviewCard', () => {
  it('schedules a first review in whole days: again 1, hard 2, good 3', () => {
    const due = (r: ReviewRating) => reviewCard(undefined, r, T0).state.due;
    expect(due('again')).toBe(T0 + 1 * DAY);
    expect(due('hard')).toBe(T0 + 2 * DAY);
    expect(due('good')).toBe(T0 + 3 * DAY);
  });

  it('gives a card in review strictly longer intervals for again < hard < good', () => {
    const learned = chain(['good', 'good']);
    expect(learned.phase).toBe('review');
    const at = learned.due;
    const days = (r: ReviewRating) => reviewCard(learned, r, at).state.scheduledDays;
    expect(days('again')).toBeLessThan(days('hard'));
    expect(days('hard')).toBeLessThan(days('good'));
    expect(days('again')).toBeGreaterThanOrEqual(1);
  });

  it('agrees with ts-fsrs run directly on the same card, rating and time', () => {
    const direct = fsrs(FSRS_PARAMETERS);
    let card = createEmptyCard(new Date(T0));
    let state: CardState | undefined;
    let now = T0;
    const ratings: [ReviewRating, Rating.Again | Rating.Hard | Rating.Good][] = [
      ['again', Rating.Again],
      ['good', Rating.Good],
      ['hard', Rating.Hard],
      ['good', Rating.Good],
    ];
    for (const [ours, theirs] of ratings) {
      card = direct.next(card, new Date(now), theirs).card;
      state = reviewCard(state, ours, now).state;
      expect(state.due).toBe(card.due.getTime());
      expect(state.stability).toBe(card.stability);
      now = state.due + 2 * DAY;
    }
  });

  it('makes a missed card due only once the clock reaches the date it gave', () => {
    const { state } = reviewCard(undefined, 'again', T0);
    expect(isDue(state, T0)).toBe(false);
    expect(isDue(state, state.due - 1)).toBe(false);
    expect(isDue(state, state.due)).toBe(true);
    expect(isDue(state, state.due + 5 * DAY)).toBe(true);
  });

  it('counts a lapse when a card in review is missed, and reps on every review', () => {
    const learned = chain(['good', 'good']);
    const missed = reviewCard(learned, 'again', learned.due).state;
    expect(missed.lapses).toBe(learned.lapses + 1);
    expect(missed.reps).toBe(learned.reps + 1);
    expect(missed.due).toBeGreaterThan(learned.due);
  });

  it('keeps a card the same through storage (JSON and the schema)', () => {
    const first = reviewCard(undefined, 'good', T0).state;
    const stored = CardStateSchema.parse(JSON.parse(JSON.stringify(first)));
    const later = first.due + DAY;
    expect(reviewCard(stored, 'hard', later)).toEqual(reviewCard(first, 'hard', later));
  });

  it('logs the review: time, rating, the phase before and the new schedule', () => {
    const first = reviewCard(undefined, 'again', T0);
    expect(first.log).toEqual({
      reviewedAt: T0,
      rating: 'again',
      phaseBefore: 'new',
      elapsedDays: 0,
      scheduledDays: 1,
      stability: first.state.stability,
      difficulty: first.state.difficulty,
      due: T0 + DAY,
    });
    const second = reviewCard(first.state, 'good', T0 + 3 * DAY);
    expect(second.log.phaseBefore).toBe('review');
    expect(second.log.elapsedDays).toBe(3);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads no clock of its own: the same inputs give the same card whatever the time', () => {
    const expected = reviewCard(chain(['good']), 'good', T0 + 10 * DAY);
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2001, 0, 1));
    expect(reviewCard(chain(['good']), 'good', T0 + 10 * DAY)).toEqual(expected);
  });
});

describe('recallProbability', () => {
  it('is the requested retention on the due date and falls after it', () => {
    const learned = chain(['good', 'good']);
    const atDue = recallProbability(learned, learned.due);
    expect(atDue).toBeCloseTo(FSRS_PARAMETERS.request_retention, 1);
    expect(recallProbability(learned, learned.due + 30 * DAY)).toBeLessThan(atDue);
    expect(recallProbability(learned, learned.lastReview ?? 0)).toBeCloseTo(1, 5);
  });
});

describe('retention', () => {
  it('is the share of memory tests that were not misses; first reviews do not count', () => {
    expect(retention([])).toBeUndefined();
    expect(retention([{ rating: 'again', phaseBefore: 'new', count: 9 }])).toBeUndefined();
    expect(
      retention([
        { rating: 'again', phaseBefore: 'new', count: 9 },
        { rating: 'good', phaseBefore: 'review', count: 6 },
        { rating: 'hard', phaseBefore: 'relearning', count: 1 },
        { rating: 'again', phaseBefore: 'review', count: 2 },
      ]),
    ).toBe(7 / 9);
  });
});
