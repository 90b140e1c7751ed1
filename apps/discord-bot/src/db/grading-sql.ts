import type { SqlConn } from './sql';
import type { GradedAnswer } from './store';

/**
 * A round's grading inside the caller's transaction: the compare-and-set on its state, then its
 * answers and the session's score totals. Of two graders (processes) only one changes the state;
 * on PostgreSQL the other waits for the row, then finds it graded. Undefined when the round was
 * not open (or `fence`, a lease condition joined with AND, refused the write).
 */
export async function writeGrading(
  tx: SqlConn,
  roundId: number,
  answers: readonly GradedAnswer[],
  now: number,
  fence: { and: string; params: unknown[] },
): Promise<{ sessionId: number; questionId: string } | undefined> {
  const round = await tx.get<{ sessionId: number; questionId: string }>(
    `UPDATE rounds SET state = 'graded', graded_at = ? WHERE id = ? AND state = 'open'${fence.and}
     RETURNING session_id AS "sessionId", question_id AS "questionId"`,
    [now, roundId, ...fence.params],
  );
  if (!round) return undefined;
  // Many rows a statement, not one each: fewer statements to run before the commit
  // (docs/scaling.md).
  for (const rows of batches(answers)) {
    await tx.run(
      `INSERT INTO answers (round_id, user_id, selected, verdict, score) VALUES ${placeholders(rows.length, '(?, ?, ?, ?, ?)')}`,
      rows.flatMap((a) => [roundId, a.userId, a.selected.join(''), a.verdict, a.score]),
    );
    await tx.run(
      `INSERT INTO scores (session_id, user_id, points, answered, correct) VALUES ${placeholders(rows.length, '(?, ?, ?, 1, ?)')}
       ON CONFLICT (session_id, user_id) DO UPDATE SET points = scores.points + excluded.points,
         answered = scores.answered + 1, correct = scores.correct + excluded.correct`,
      rows.flatMap((a) => [round.sessionId, a.userId, a.score, a.verdict === 'correct' ? 1 : 0]),
    );
  }
  return round;
}

/**
 * Rows in batches of 128, 64, … 1, so that a few prepared statements (one per batch size) serve
 * every round, whatever its number of answers.
 */
function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let size = 128; size >= 1; size >>= 1) {
    while (rows.length - at >= size) {
      out.push(rows.slice(at, at + size));
      at += size;
    }
  }
  return out;
}

const placeholders = (n: number, row: string) => Array.from({ length: n }, () => row).join(', ');
