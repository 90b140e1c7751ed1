import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from 'ts-fsrs';
import type { CardPhase, CardState } from './card-state';
import { FSRS_PARAMETERS } from './fsrs-parameters';
import type { ReviewLogEntry } from './review-log-entry';
import type { ReviewRating } from './review-rating';

const scheduler = fsrs(FSRS_PARAMETERS);

const GRADE: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
};
const PHASE: Record<State, CardPhase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE: Record<CardPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const toCard = (s: CardState): Card => ({
  due: new Date(s.due),
  stability: s.stability,
  difficulty: s.difficulty,
  elapsed_days: s.elapsedDays,
  scheduled_days: s.scheduledDays,
  learning_steps: s.learningSteps,
  reps: s.reps,
  lapses: s.lapses,
  state: STATE[s.phase],
  ...(s.lastReview === null ? {} : { last_review: new Date(s.lastReview) }),
});

const fromCard = (c: Card): CardState => ({
  due: c.due.getTime(),
  stability: c.stability,
  difficulty: c.difficulty,
  elapsedDays: c.elapsed_days,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  phase: PHASE[c.state],
  lastReview: c.last_review?.getTime() ?? null,
});

export interface ReviewOutcome {
  /** The card after the review, to store in place of the old one. */
  readonly state: CardState;
  /** The review, to append to the log. */
  readonly log: ReviewLogEntry;
}

/**
 * Reviews one card: `state` is the member's card for the question (`undefined` for a question
 * never reviewed), `now` the time of the answer (epoch ms; the caller's clock, never read here).
 */
export function reviewCard(
  state: CardState | undefined,
  rating: ReviewRating,
  now: number,
): ReviewOutcome {
  const at = new Date(now);
  const before = state === undefined ? createEmptyCard(at) : toCard(state);
  const { card, log } = scheduler.next(before, at, GRADE[rating]);
  const next = fromCard(card);
  return {
    state: next,
    log: {
      reviewedAt: now,
      rating,
      phaseBefore: PHASE[log.state],
      elapsedDays: log.elapsed_days,
      scheduledDays: next.scheduledDays,
      stability: next.stability,
      difficulty: next.difficulty,
      due: next.due,
    },
  };
}

/** FSRS's probability that the member still recalls the question at `now` (0..1). */
export function recallProbability(state: CardState, now: number): number {
  if (state.phase === 'new') return 0;
  return scheduler.get_retrievability(toCard(state), new Date(now), false);
}
