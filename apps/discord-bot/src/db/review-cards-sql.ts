import type { CardPhase, CardState, ReviewRating, ReviewTally } from '@quizdeck/core';
import type { CardKey, CardRow, MemberCardsQuery } from './review-rows';
import type { SqlConn } from './sql';

/*
 * Members' cards and the review log, in SQL both backends run (`?`
 * placeholders, ON CONFLICT upserts, integers for epoch ms). PostgreSQL hands BIGINT back as a
 * string, so every number read here goes through Number().
 */

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

export const CARD_COLS = `guild_id, user_id, bank_id, question_id, due, stability, difficulty, elapsed_days,
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

/**
 * Members a statement reads or writes at most: at 14 parameters a written row, far below SQLite's
 * 32,766 and PostgreSQL's 65,535 parameters.
 */
export const MEMBERS_PER_STATEMENT = 200;

/** Some members' cards for one question, by member (absent: never reviewed). */
export async function readCards(
  conn: SqlConn,
  question: Omit<CardKey, 'userId'>,
  userIds: readonly string[],
): Promise<Map<string, CardState>> {
  const out = new Map<string, CardState>();
  for (const ids of chunks(userIds, MEMBERS_PER_STATEMENT)) {
    const rows = await conn.all<RawCard>(
      `SELECT ${CARD_COLS} FROM review_cards WHERE guild_id = ? AND bank_id = ? AND question_id = ?
       AND user_id IN (${ids.map(() => '?').join(', ')})`,
      [question.guildId, question.bankId, question.questionId, ...ids],
    );
    for (const r of rows) out.set(r.user_id, toState(r));
  }
  return out;
}

/**
 * A member's cards in due order (earliest first), a page at a time: `after` is the last row of
 * the previous page. The caller drops cards whose question is no longer in a bank and reads on.
 */
export async function memberCards(conn: SqlConn, q: MemberCardsQuery): Promise<CardRow[]> {
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
  for (const ids of chunks(userIds, MEMBERS_PER_STATEMENT)) {
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

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
