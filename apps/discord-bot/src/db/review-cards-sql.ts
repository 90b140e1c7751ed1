import {
  type CardPhase,
  type CardState,
  QuizdeckError,
  type ReviewRating,
  type ReviewTally,
  reviewCard,
} from '@quizdeck/core';
import type { CardKey, CardRow } from './review-rows';
import type { SqlConn } from './sql';

/** A card changed under a review (another transaction reviewed it first). */
export class ReviewConflictError extends QuizdeckError {
  constructor(question: Omit<CardKey, 'userId'>, userId: string) {
    super(
      'REVIEW_CONFLICT',
      `member ${userId}'s card for ${question.bankId}/${question.questionId} changed while it was being reviewed`,
    );
  }
}

/*
 * Members' cards and the review log, in SQL both backends run (`?`
 * placeholders, ON CONFLICT upserts, integers for epoch ms). PostgreSQL hands BIGINT back as a
 * string, so every number read here goes through Number().
 */

/** Where a review came from: a live quiz's graded round, or a `/review` prompt. */
export type ReviewSource = { roundId: number } | { promptId: number };

interface RawCard {
  guild_id: string;
  user_id: string;
  bank_id: string;
  question_id: string;
  due: number | string;
  stability: number | string;
  difficulty: number | string;
  elapsed_days: number | string;
  scheduled_days: number | string;
  learning_steps: number | string;
  reps: number | string;
  lapses: number | string;
  phase: CardPhase;
  last_review: number | string | null;
}

const CARD_COLS = `guild_id, user_id, bank_id, question_id, due, stability, difficulty, elapsed_days,
  scheduled_days, learning_steps, reps, lapses, phase, last_review`;

const toState = (r: RawCard): CardState => ({
  due: Number(r.due),
  stability: Number(r.stability),
  difficulty: Number(r.difficulty),
  elapsedDays: Number(r.elapsed_days),
  scheduledDays: Number(r.scheduled_days),
  learningSteps: Number(r.learning_steps),
  reps: Number(r.reps),
  lapses: Number(r.lapses),
  phase: r.phase,
  lastReview: r.last_review === null ? null : Number(r.last_review),
});

const toCardRow = (r: RawCard): CardRow => ({
  guildId: r.guild_id,
  userId: r.user_id,
  bankId: r.bank_id,
  questionId: r.question_id,
  state: toState(r),
});

export async function readCard(conn: SqlConn, key: CardKey): Promise<CardState | undefined> {
  const row = await conn.get<RawCard>(
    `SELECT ${CARD_COLS} FROM review_cards
     WHERE guild_id = ? AND user_id = ? AND bank_id = ? AND question_id = ?`,
    [key.guildId, key.userId, key.bankId, key.questionId],
  );
  return row ? toState(row) : undefined;
}

export interface ReviewItem {
  userId: string;
  rating: ReviewRating;
}

/**
 * Reviews one question for several members at `now`: each member's card is read, moved on by
 * FSRS, written back, and the review appended to the log with its source. Runs inside the
 * caller's transaction (the grade it comes from); the log's unique source keys refuse a second
 * review from the same round or prompt.
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
  const before = new Map<string, CardState>();
  for (const ids of chunks(
    items.map((i) => i.userId),
    200,
  )) {
    const rows = await tx.all<RawCard>(
      `SELECT ${CARD_COLS} FROM review_cards WHERE guild_id = ? AND bank_id = ? AND question_id = ?
       AND user_id IN (${ids.map(() => '?').join(', ')})`,
      [question.guildId, question.bankId, question.questionId, ...ids],
    );
    for (const r of rows) before.set(r.user_id, toState(r));
  }
  const roundId = 'roundId' in source ? source.roundId : null;
  const promptId = 'promptId' in source ? source.promptId : null;
  // Members in one order in every transaction: two gradings of one question (two channels, two
  // processes) lock the same cards in the same order instead of deadlocking.
  const ordered = [...items].sort((x, y) =>
    x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0,
  );
  for (const item of ordered) {
    let prior = before.get(item.userId);
    let reviewed = reviewCard(prior, item.rating, now);
    for (let attempt = 1; ; attempt++) {
      const s = reviewed.state;
      const changed = await tx.run(
        `INSERT INTO review_cards (${CARD_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (guild_id, user_id, bank_id, question_id) DO UPDATE SET due = excluded.due,
         stability = excluded.stability, difficulty = excluded.difficulty,
         elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days,
         learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses,
         phase = excluded.phase, last_review = excluded.last_review
       WHERE review_cards.reps = ?`,
        [
          question.guildId,
          item.userId,
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
          prior?.reps ?? 0,
        ],
      );
      if (changed === 1) break;
      // Another transaction reviewed this card since it was read (two processes on PostgreSQL,
      // or one grading the same question in two channels). A prompt's answer rolls back (its
      // caller checks the card again); a round's grading must not fail for it: the upsert
      // waited for the other to commit and now holds the card's row, so the card is reviewed
      // from its new state instead of being overwritten.
      if (roundId === null || attempt >= 3) throw new ReviewConflictError(question, item.userId);
      prior = await readCard(tx, { ...question, userId: item.userId });
      reviewed = reviewCard(prior, item.rating, now);
    }
    const { state: s, log } = reviewed;
    await tx.run(
      `INSERT INTO review_log (guild_id, user_id, bank_id, question_id, reviewed_at, rating,
         phase_before, elapsed_days, scheduled_days, stability, difficulty, due, round_id, prompt_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        question.guildId,
        item.userId,
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
      ],
    );
    out.set(item.userId, { before: prior, after: s });
  }
  return out;
}

/**
 * A member's cards in due order (earliest first), a page at a time: `after` is the last row of
 * the previous page. The caller drops cards whose question is no longer in a bank and reads on.
 */
export async function memberCards(
  conn: SqlConn,
  q: {
    guildId: string;
    userId: string;
    bankId: string | null;
    dueBy: number | null;
    limit: number;
    after?: CardRow;
  },
): Promise<CardRow[]> {
  const where = ['guild_id = ?', 'user_id = ?'];
  const params: unknown[] = [q.guildId, q.userId];
  if (q.bankId !== null) {
    where.push('bank_id = ?');
    params.push(q.bankId);
  }
  if (q.dueBy !== null) {
    where.push('due <= ?');
    params.push(q.dueBy);
  }
  if (q.after) {
    const a = q.after;
    where.push('(due > ? OR (due = ? AND (bank_id > ? OR (bank_id = ? AND question_id > ?))))');
    params.push(a.state.due, a.state.due, a.bankId, a.bankId, a.questionId);
  }
  const rows = await conn.all<RawCard>(
    `SELECT ${CARD_COLS} FROM review_cards WHERE ${where.join(' AND ')}
     ORDER BY due, bank_id, question_id LIMIT ?`,
    [...params, q.limit],
  );
  return rows.map(toCardRow);
}

/** Reviews a member has done (optionally in one bank), grouped as `retention` counts them. */
export async function reviewTallies(
  conn: SqlConn,
  guildId: string,
  userId: string,
  bankId: string | null,
): Promise<ReviewTally[]> {
  const rows = await conn.all<{
    rating: ReviewRating;
    phase_before: CardPhase;
    n: number | string;
  }>(
    `SELECT rating, phase_before, COUNT(*) AS n FROM review_log WHERE guild_id = ? AND user_id = ?
     ${bankId === null ? '' : 'AND bank_id = ?'} GROUP BY rating, phase_before`,
    bankId === null ? [guildId, userId] : [guildId, userId, bankId],
  );
  return rows.map((r) => ({ rating: r.rating, phaseBefore: r.phase_before, count: Number(r.n) }));
}

/** Cards of a guild due by `dueBy`: members' ids and questions (for the daily line). */
export async function guildDueCards(conn: SqlConn, guildId: string, dueBy: number) {
  const rows = await conn.all<{ user_id: string; bank_id: string; question_id: string }>(
    'SELECT user_id, bank_id, question_id FROM review_cards WHERE guild_id = ? AND due <= ?',
    [guildId, dueBy],
  );
  return rows.map((r) => ({ userId: r.user_id, bankId: r.bank_id, questionId: r.question_id }));
}

/** The cards some members hold for one bank's questions (a group review round picks from them). */
export async function membersCards(
  conn: SqlConn,
  guildId: string,
  bankId: string,
  userIds: readonly string[],
): Promise<CardRow[]> {
  const out: CardRow[] = [];
  for (const ids of chunks(userIds, 200)) {
    const rows = await conn.all<RawCard>(
      `SELECT ${CARD_COLS} FROM review_cards WHERE guild_id = ? AND bank_id = ?
       AND user_id IN (${ids.map(() => '?').join(', ')})`,
      [guildId, bankId, ...ids],
    );
    out.push(...rows.map(toCardRow));
  }
  return out;
}

/** Members who answered in the channel's latest `sessions` sessions. */
export async function recentMembers(
  conn: SqlConn,
  channelId: string,
  sessions: number,
): Promise<string[]> {
  const rows = await conn.all<{ user_id: string }>(
    `SELECT DISTINCT a.user_id FROM answers a JOIN rounds r ON r.id = a.round_id
     WHERE r.session_id IN (SELECT id FROM sessions WHERE channel_id = ? ORDER BY id DESC LIMIT ?)
     ORDER BY a.user_id`,
    [channelId, sessions],
  );
  return rows.map((r) => r.user_id);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
