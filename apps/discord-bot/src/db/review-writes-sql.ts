import {
  type CardState,
  QuizdeckError,
  type ReviewOutcome,
  type ReviewRating,
  reviewCard,
} from '@quizdeck/core';
import { StoreInvariantError } from '../errors';
import { CARD_COLS, chunks, MEMBERS_PER_STATEMENT, readCards } from './review-cards-sql';
import type { CardKey } from './review-rows';
import type { SqlConn } from './sql';

// Reviews written: members' cards moved on and the log appended, a chunk of members a statement
// (numbers as in review-cards-sql.ts).

/** A card changed under a review (another transaction reviewed it first). */
export class ReviewConflictError extends QuizdeckError {
  constructor(question: Omit<CardKey, 'userId'>, userId: string) {
    super(
      'REVIEW_CONFLICT',
      `member ${userId}'s card for ${question.bankId}/${question.questionId} changed while it was being reviewed`,
    );
  }
}

/** Where a review came from: a live quiz's graded round, or a `/review` prompt. */
export type ReviewSource = { roundId: number } | { promptId: number };

export interface ReviewItem {
  userId: string;
  rating: ReviewRating;
}

interface Reviewed extends ReviewOutcome {
  userId: string;
  rating: ReviewRating;
  prior: CardState | undefined;
}

/**
 * Reviews one question for several members at `now`: each member's card is read, moved on by
 * FSRS, written back, and the review appended to the log with its source, a chunk of members a
 * statement. Runs inside the caller's transaction (the grade it comes from); the log's unique
 * source keys refuse a second review from the same round or prompt.
 */
export async function writeReviews(
  tx: SqlConn,
  question: Omit<CardKey, 'userId'>,
  items: readonly ReviewItem[],
  now: number,
  source: ReviewSource,
): Promise<Map<string, { before: CardState | undefined; after: CardState }>> {
  const out = new Map<string, { before: CardState | undefined; after: CardState }>();
  if (items.length === 0) return out;
  const before = await readCards(
    tx,
    question,
    items.map((i) => i.userId),
  );
  const roundId = 'roundId' in source ? source.roundId : null;
  const promptId = 'promptId' in source ? source.promptId : null;
  // Members in one order in every transaction: two gradings of one question (two channels, two
  // processes) lock the same cards in the same order instead of deadlocking.
  const ordered = [...items].sort((x, y) =>
    x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0,
  );
  for (const chunk of chunks(ordered, MEMBERS_PER_STATEMENT)) {
    const done = new Map<string, Reviewed>();
    let pending = chunk.map((item) => review(item, before.get(item.userId), now));
    for (let attempt = 1; ; attempt++) {
      const written = await upsertCards(tx, question, pending);
      for (const r of pending) if (written.has(r.userId)) done.set(r.userId, r);
      const lost = pending.filter((r) => !written.has(r.userId));
      if (lost.length === 0) break;
      // Another transaction reviewed these cards since they were read (two processes on
      // PostgreSQL, or one grading the same question in two channels). A prompt's answer rolls
      // back (its caller checks the card again); a round's grading must not fail for it: the
      // upsert waited for the other to commit and now holds the cards' rows, so they are
      // reviewed from their new state instead of being overwritten.
      if (roundId === null || attempt >= 3) {
        throw new ReviewConflictError(question, lost[0]?.userId ?? '');
      }
      const fresh = await readCards(
        tx,
        question,
        lost.map((r) => r.userId),
      );
      pending = lost.map((r) => review(r, fresh.get(r.userId), now));
    }
    const reviewed = chunk.map((item) => done.get(item.userId) as Reviewed);
    await tx.run(
      `INSERT INTO review_log (guild_id, user_id, bank_id, question_id, reviewed_at, rating,
         phase_before, elapsed_days, scheduled_days, stability, difficulty, due, round_id, prompt_id)
       VALUES ${rowsOf(reviewed.length, 14)}`,
      reviewed.flatMap(({ userId, log }) => [
        question.guildId,
        userId,
        question.bankId,
        question.questionId,
        log.reviewedAt,
        log.rating,
        log.phaseBefore,
        log.elapsedDays,
        log.scheduledDays,
        log.stability,
        log.difficulty,
        log.due,
        roundId,
        promptId,
      ]),
    );
    for (const r of reviewed) out.set(r.userId, { before: r.prior, after: r.state });
  }
  return out;
}

function review(item: ReviewItem, prior: CardState | undefined, now: number): Reviewed {
  const outcome = reviewCard(prior, item.rating, now);
  // upsertCards recognises the card that was read by its `reps`: FSRS counts every review.
  if (outcome.state.reps !== (prior?.reps ?? 0) + 1) {
    throw new StoreInvariantError(`review of ${item.userId}'s card did not count one repetition`);
  }
  return { userId: item.userId, rating: item.rating, prior, ...outcome };
}

/**
 * Writes reviewed cards in one statement, each only over the card it was reviewed from (stored
 * `reps` one less than the new state's; a new card only where none exists): the members whose
 * card was written. A card left alone (reviewed or created meanwhile) is locked for this
 * transaction all the same.
 */
async function upsertCards(
  tx: SqlConn,
  question: Omit<CardKey, 'userId'>,
  reviewed: readonly Reviewed[],
): Promise<Set<string>> {
  const written = await tx.all<{ user_id: string }>(
    `INSERT INTO review_cards (${CARD_COLS}) VALUES ${rowsOf(reviewed.length, 14)}
     ON CONFLICT (guild_id, user_id, bank_id, question_id) DO UPDATE SET due = excluded.due,
       stability = excluded.stability, difficulty = excluded.difficulty,
       elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days,
       learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses,
       phase = excluded.phase, last_review = excluded.last_review
     WHERE review_cards.reps = excluded.reps - 1
     RETURNING user_id`,
    reviewed.flatMap(({ userId, state: s }) => [
      question.guildId,
      userId,
      question.bankId,
      question.questionId,
      s.due,
      s.stability,
      s.difficulty,
      s.elapsedDays,
      s.scheduledDays,
      s.learningSteps,
      s.reps,
      s.lapses,
      s.phase,
      s.lastReview,
    ]),
  );
  return new Set(written.map((r) => r.user_id));
}

/** `count` rows of `width` placeholders each, for a multi-row VALUES list. */
function rowsOf(count: number, width: number): string {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return Array.from({ length: count }, () => row).join(', ');
}
