import type { Statement } from 'better-sqlite3';
import { CommandError } from '../errors';
import type { Db } from './database';
import type { AnswerRow, GuildSettings, RoundRow, RoundState, SessionRow } from './rows';

export type NewSession = Pick<
  SessionRow,
  | 'guildId'
  | 'channelId'
  | 'bankId'
  | 'startedBy'
  | 'seconds'
  | 'scoring'
  | 'shuffle'
  | 'questionIds'
> & { now: number };

export interface GradedAnswer {
  userId: string;
  selected: string[];
  verdict: AnswerRow['verdict'];
  score: number;
}

interface RawSession extends Omit<SessionRow, 'questionIds' | 'shuffle'> {
  questionIds: string;
  shuffle: number;
}
interface RawRound extends Omit<RoundRow, 'tags'> {
  tags: string;
}

const sessionCols = `id, guild_id AS guildId, channel_id AS channelId, bank_id AS bankId,
  started_by AS startedBy, seconds, scoring, shuffle, question_ids AS questionIds, state,
  started_at AS startedAt, ended_at AS endedAt`;
const roundCols = `id, session_id AS sessionId, idx, channel_id AS channelId, message_id AS messageId,
  question_id AS questionId, seed, tags, opens_at AS opensAt, closes_at AS closesAt, state,
  graded_at AS gradedAt`;

const toSession = (r: RawSession): SessionRow => ({
  ...r,
  shuffle: r.shuffle === 1,
  questionIds: JSON.parse(r.questionIds) as string[],
});
const toRound = (r: RawRound): RoundRow => ({ ...r, tags: JSON.parse(r.tags) as string[] });

/** Sessions, rounds, answers and scores: every write the quiz makes goes through here. */
export class QuizStore {
  /** Prepared once per SQL text: a quiz runs the same few statements for every round. */
  readonly #statements = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  #sql(text: string): Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  settings(guildId: string): GuildSettings {
    const row = this.#sql(
      `SELECT quizmaster_role_id AS quizmasterRoleId, default_seconds AS defaultSeconds,
         default_scoring AS defaultScoring FROM guild_settings WHERE guild_id = ?`,
    ).get(guildId) as Omit<GuildSettings, 'guildId'> | undefined;
    return {
      guildId,
      quizmasterRoleId: row?.quizmasterRoleId ?? null,
      defaultSeconds: row?.defaultSeconds ?? 30,
      defaultScoring: row?.defaultScoring ?? 'exact',
    };
  }

  saveSettings(settings: GuildSettings, now: number): void {
    this.#sql(
      `INSERT INTO guild_settings (guild_id, quizmaster_role_id, default_seconds, default_scoring, updated_at)
         VALUES (@guildId, @quizmasterRoleId, @defaultSeconds, @defaultScoring, @now)
         ON CONFLICT (guild_id) DO UPDATE SET quizmaster_role_id = excluded.quizmaster_role_id,
           default_seconds = excluded.default_seconds, default_scoring = excluded.default_scoring,
           updated_at = excluded.updated_at`,
    ).run({ ...settings, now });
  }

  createSession(s: NewSession): SessionRow {
    try {
      const info = this.#sql(
        `INSERT INTO sessions (guild_id, channel_id, bank_id, started_by, seconds, scoring, shuffle,
           question_ids, state, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`,
      ).run(
        s.guildId,
        s.channelId,
        s.bankId,
        s.startedBy,
        s.seconds,
        s.scoring,
        s.shuffle ? 1 : 0,
        JSON.stringify(s.questionIds),
        s.now,
      );
      return this.session(Number(info.lastInsertRowid)) as SessionRow;
    } catch (err) {
      if (err instanceof Error && /UNIQUE/.test(err.message)) {
        throw new CommandError('QUIZ_RUNNING', 'A quiz is already running in this channel.');
      }
      throw err;
    }
  }

  session(id: number): SessionRow | undefined {
    const r = this.#sql(`SELECT ${sessionCols} FROM sessions WHERE id = ?`).get(id);
    return r ? toSession(r as RawSession) : undefined;
  }

  runningSessions(): SessionRow[] {
    const rows = this.#sql(`SELECT ${sessionCols} FROM sessions WHERE state = 'running'`).all();
    return (rows as RawSession[]).map(toSession);
  }

  runningInChannel(channelId: string): SessionRow | undefined {
    const r = this.#sql(
      `SELECT ${sessionCols} FROM sessions WHERE channel_id = ? AND state = 'running'`,
    ).get(channelId);
    return r ? toSession(r as RawSession) : undefined;
  }

  latestInChannel(channelId: string): SessionRow | undefined {
    const r = this.#sql(
      `SELECT ${sessionCols} FROM sessions WHERE channel_id = ? ORDER BY id DESC LIMIT 1`,
    ).get(channelId);
    return r ? toSession(r as RawSession) : undefined;
  }

  /**
   * Ends a running session. With `board`, its final leaderboard is owed (`boardPosted` settles it),
   * also to a process that starts after a crash.
   */
  endSession(id: number, state: 'finished' | 'stopped', now: number, board = false): void {
    this.#sql(
      `UPDATE sessions SET state = ?, ended_at = ?, board_pending = ? WHERE id = ? AND state = 'running'`,
    ).run(state, now, board ? 1 : 0, id);
  }

  /** Ended sessions whose final leaderboard is not posted yet. */
  sessionsOwingBoard(): SessionRow[] {
    const rows = this.#sql(`SELECT ${sessionCols} FROM sessions WHERE board_pending = 1`).all();
    return (rows as RawSession[]).map(toSession);
  }

  boardPosted(id: number): void {
    this.#sql('UPDATE sessions SET board_pending = 0 WHERE id = ?').run(id);
  }

  createRound(
    r: Pick<RoundRow, 'sessionId' | 'idx' | 'channelId' | 'questionId' | 'seed' | 'tags'>,
  ): RoundRow {
    const info = this.#sql(
      `INSERT INTO rounds (session_id, idx, channel_id, question_id, seed, tags, state)
         VALUES (?, ?, ?, ?, ?, ?, 'posting')`,
    ).run(r.sessionId, r.idx, r.channelId, r.questionId, r.seed, JSON.stringify(r.tags));
    return this.round(Number(info.lastInsertRowid)) as RoundRow;
  }

  round(id: number): RoundRow | undefined {
    const r = this.#sql(`SELECT ${roundCols} FROM rounds WHERE id = ?`).get(id);
    return r ? toRound(r as RawRound) : undefined;
  }

  latestRound(sessionId: number): RoundRow | undefined {
    const r = this.#sql(
      `SELECT ${roundCols} FROM rounds WHERE session_id = ? ORDER BY idx DESC LIMIT 1`,
    ).get(sessionId);
    return r ? toRound(r as RawRound) : undefined;
  }

  setRoundMessage(id: number, messageId: string): void {
    this.#sql('UPDATE rounds SET message_id = ? WHERE id = ?').run(messageId, id);
  }

  openRound(id: number, opensAt: number, closesAt: number): void {
    this.transition(id, 'posting', 'open', { opens_at: opensAt, closes_at: closesAt });
  }

  markRevealed(id: number): void {
    this.transition(id, 'graded', 'revealed', {});
  }

  /** Drops a round from grading (skip/stop); false when it was already graded. */
  skipRound(id: number): boolean {
    const info = this.#sql(
      `UPDATE rounds SET state = 'skipped' WHERE id = ? AND state IN ('posting', 'open')`,
    ).run(id);
    return info.changes === 1;
  }

  /**
   * Grades a round exactly once: the state change, the answers and the score totals commit
   * together or not at all. Returns false when the round was not open (already graded).
   */
  gradeRound(roundId: number, answers: readonly GradedAnswer[], now: number): boolean {
    return this.db.transaction(() => {
      const info = this.#sql(
        `UPDATE rounds SET state = 'graded', graded_at = ? WHERE id = ? AND state = 'open'`,
      ).run(now, roundId);
      if (info.changes !== 1) return false;
      const round = this.round(roundId) as RoundRow;
      // Many rows a statement: a round of 200 answers commits in well under half the time.
      for (const rows of batches(answers)) {
        this.#sql(
          `INSERT INTO answers (round_id, user_id, selected, verdict, score) VALUES ${placeholders(rows.length, '(?, ?, ?, ?, ?)')}`,
        ).run(rows.flatMap((a) => [roundId, a.userId, a.selected.join(''), a.verdict, a.score]));
        this.#sql(
          `INSERT INTO scores (session_id, user_id, points, answered, correct) VALUES ${placeholders(rows.length, '(?, ?, ?, 1, ?)')}
           ON CONFLICT (session_id, user_id) DO UPDATE SET points = points + excluded.points,
             answered = answered + 1, correct = correct + excluded.correct`,
        ).run(
          rows.flatMap((a) => [
            round.sessionId,
            a.userId,
            a.score,
            a.verdict === 'correct' ? 1 : 0,
          ]),
        );
      }
      return true;
    })();
  }

  answers(roundId: number): AnswerRow[] {
    const rows = this.#sql(
      'SELECT user_id AS userId, selected, verdict, score FROM answers WHERE round_id = ? ORDER BY user_id',
    ).all(roundId) as (Omit<AnswerRow, 'selected'> & { selected: string })[];
    return rows.map((r) => ({ ...r, selected: r.selected === '' ? [] : r.selected.split('') }));
  }

  private transition(id: number, from: RoundState, to: RoundState, set: Record<string, number>) {
    const cols = Object.keys(set).map((c) => `, ${c} = @${c}`);
    const info = this.#sql(
      `UPDATE rounds SET state = @to${cols.join('')} WHERE id = @id AND state = @from`,
    ).run({ ...set, id, from, to });
    if (info.changes !== 1) {
      throw new Error(`round ${id}: cannot move to ${to}, it is not ${from}`);
    }
  }
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
