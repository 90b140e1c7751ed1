import type { SqlConn } from './sql';

export type LeaderboardScope = 'session' | 'week' | 'all';

export interface Standing {
  userId: string;
  points: number;
  answered: number;
  correct: number;
}

export interface MemberStats {
  answered: number;
  correct: number;
  /** Mean score over answered questions, 0..1. */
  accuracy: number;
  /** Correct answers in a row, counting back from the latest graded one. */
  streak: number;
  tags: { tag: string; answered: number; mastery: number }[];
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export function sessionStandings(sql: SqlConn, sessionId: number): Promise<Standing[]> {
  return sql.all<Standing>(
    `SELECT user_id AS "userId", points, answered, correct FROM scores WHERE session_id = ?
     ORDER BY points DESC, correct DESC, user_id`,
    [sessionId],
  );
}

/** Guild-wide standings over every graded answer, or the last seven days of them. */
export function guildStandings(
  sql: SqlConn,
  guildId: string,
  scope: 'week' | 'all',
  now: number,
): Promise<Standing[]> {
  const since = scope === 'week' ? now - WEEK_MS : 0;
  return sql.all<Standing>(
    `SELECT a.user_id AS "userId", SUM(a.score) AS points, COUNT(*) AS answered,
       SUM(CASE WHEN a.verdict = 'correct' THEN 1 ELSE 0 END) AS correct
     FROM answers a JOIN rounds r ON r.id = a.round_id JOIN sessions s ON s.id = r.session_id
     WHERE s.guild_id = ? AND r.graded_at >= ?
     GROUP BY a.user_id ORDER BY points DESC, correct DESC, a.user_id`,
    [guildId, since],
  );
}

export async function memberStats(
  sql: SqlConn,
  guildId: string,
  userId: string,
): Promise<MemberStats> {
  const rows = await sql.all<{ verdict: string; score: number; tags: string }>(
    `SELECT a.verdict, a.score, r.tags FROM answers a JOIN rounds r ON r.id = a.round_id
     JOIN sessions s ON s.id = r.session_id WHERE s.guild_id = ? AND a.user_id = ?
     ORDER BY r.graded_at DESC, r.id DESC`,
    [guildId, userId],
  );
  let streak = 0;
  while (streak < rows.length && rows[streak]?.verdict === 'correct') streak++;
  const byTag = new Map<string, { answered: number; total: number }>();
  for (const r of rows) {
    for (const tag of JSON.parse(r.tags) as string[]) {
      const t = byTag.get(tag) ?? { answered: 0, total: 0 };
      t.answered++;
      t.total += r.score;
      byTag.set(tag, t);
    }
  }
  const total = rows.reduce((s, r) => s + r.score, 0);
  return {
    answered: rows.length,
    correct: rows.filter((r) => r.verdict === 'correct').length,
    accuracy: rows.length === 0 ? 0 : total / rows.length,
    streak,
    tags: [...byTag]
      .map(([tag, t]) => ({ tag, answered: t.answered, mastery: t.total / t.answered }))
      .sort((a, b) => b.answered - a.answered || a.tag.localeCompare(b.tag)),
  };
}
