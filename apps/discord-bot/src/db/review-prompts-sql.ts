import type { ReviewRating } from '@quizdeck/core';
import { StoreInvariantError } from '../errors';
import { readCard } from './review-cards-sql';
import type { CardKey, PromptAnswer, ReviewPromptRow } from './review-rows';
import { writeReviews } from './review-writes-sql';
import type { SqlConn } from './sql';

// The questions /review showed, and the one answer each takes (numbers through Number(): see
// review-cards-sql.ts).

interface RawPrompt {
  id: number | string;
  guild_id: string;
  user_id: string;
  bank_id: string;
  question_id: string;
  bank_filter: string | null;
  shown_at: number | string;
  answered_at: number | string | null;
  picks: string | null;
}

const PROMPT_COLS =
  'id, guild_id, user_id, bank_id, question_id, bank_filter, shown_at, answered_at, picks';

const toPrompt = (r: RawPrompt): ReviewPromptRow => ({
  id: Number(r.id),
  guildId: r.guild_id,
  userId: r.user_id,
  bankId: r.bank_id,
  questionId: r.question_id,
  bankFilter: r.bank_filter,
  shownAt: Number(r.shown_at),
  answeredAt: r.answered_at === null ? null : Number(r.answered_at),
  picks: r.picks,
});

export async function insertPrompt(
  conn: SqlConn,
  p: CardKey & { bankFilter: string | null; shownAt: number },
): Promise<ReviewPromptRow> {
  const row = await conn.get<RawPrompt>(
    `INSERT INTO review_prompts (guild_id, user_id, bank_id, question_id, bank_filter, shown_at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING ${PROMPT_COLS}`,
    [p.guildId, p.userId, p.bankId, p.questionId, p.bankFilter, p.shownAt],
  );
  if (!row) throw new StoreInvariantError('the review prompt insert returned no row');
  return toPrompt(row);
}

export async function readPrompt(conn: SqlConn, id: number): Promise<ReviewPromptRow | undefined> {
  const row = await conn.get<RawPrompt>(`SELECT ${PROMPT_COLS} FROM review_prompts WHERE id = ?`, [
    id,
  ]);
  return row ? toPrompt(row) : undefined;
}

/**
 * Takes the answer to a prompt, once: the prompt is marked answered and the review written in one
 * transaction, or nothing happens. A prompt whose card was reviewed after it was shown (a second
 * prompt of the same question, a live quiz in between) is stale and takes no answer.
 */
export async function answerPromptIn(
  tx: SqlConn,
  id: number,
  answer: { rating: ReviewRating; picks: string },
  now: number,
): Promise<PromptAnswer> {
  const prompt = await readPrompt(tx, id);
  if (!prompt) return { kind: 'unknown' };
  if (prompt.answeredAt !== null) return answeredBefore(tx, prompt);
  const card = await readCard(tx, prompt);
  if (card?.lastReview != null && card.lastReview >= prompt.shownAt) {
    // The review may be this prompt's own, committed by a racing answer since it was read.
    const again = await readPrompt(tx, id);
    return again?.answeredAt != null ? answeredBefore(tx, again) : { kind: 'stale' };
  }
  const taken = await tx.run(
    'UPDATE review_prompts SET answered_at = ?, picks = ? WHERE id = ? AND answered_at IS NULL',
    [now, answer.picks, id],
  );
  if (taken !== 1) return answeredBefore(tx, (await readPrompt(tx, id)) ?? prompt);
  const written = await writeReviews(
    tx,
    prompt,
    [{ userId: prompt.userId, rating: answer.rating }],
    now,
    { promptId: id },
  );
  const result = written.get(prompt.userId);
  if (!result) throw new StoreInvariantError(`prompt ${id}: the review was not written`);
  return { kind: 'reviewed', ...result, rating: answer.rating };
}

async function answeredBefore(conn: SqlConn, prompt: ReviewPromptRow): Promise<PromptAnswer> {
  const log = await conn.get<{ due: number | string }>(
    'SELECT due FROM review_log WHERE prompt_id = ?',
    [prompt.id],
  );
  return {
    kind: 'already-answered',
    picks: prompt.picks ?? '',
    due: log ? Number(log.due) : undefined,
  };
}
