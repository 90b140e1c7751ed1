import { verdictRating } from '@quizdeck/core';
import { CommandError, LeaseLostError, StoreInvariantError } from '../errors';
import { writeGrading } from './grading-sql';
import { ReviewStore } from './review-store';
import { type ReviewItem, writeReviews } from './review-writes-sql';
import type { AnswerRow, GuildSettings, RoundRow, RoundState, SessionRow } from './rows';
import {
  type RawRound,
  type RawSession,
  roundCols,
  sessionCols,
  toRound,
  toSession,
} from './session-rows';
import {
  acquireLease,
  type HeldLease,
  holdsLease,
  leaseHeld,
  releaseLease,
  renewLease,
  shardLeases,
} from './shard-leases';
import type { SqlConn, SqlDriver } from './sql';
import { guildStandings, memberStats, sessionStandings } from './standings';
import type { GradedAnswer, NewRound, NewSession, Store } from './store';

const maybe = <R, T>(r: R | undefined, to: (r: R) => T) => (r ? to(r) : undefined);

/**
 * The store over either backend's driver: one home for the SQL, written in what SQLite and
 * PostgreSQL both accept (RETURNING, ON CONFLICT, quoted aliases, CASE instead of boolean sums).
 * With `lease` (see `fenced`), every quiz write carries the lease's condition in its WHERE.
 */
export class SqlStore implements Store {
  readonly reviews: ReviewStore;

  constructor(
    readonly sql: SqlDriver,
    private readonly lease?: HeldLease,
  ) {
    this.reviews = new ReviewStore(sql);
  }

  get backend() {
    return this.sql.backend;
  }

  fenced(lease: HeldLease): Store {
    return this.sql.backend === 'sqlite' ? this : new SqlStore(this.sql, lease);
  }

  /** A fenced write's extra condition (`and`: joined with AND, `where`: a WHERE of its own). */
  #fence(): { and: string; where: string; params: unknown[] } {
    if (!this.lease) return { and: '', where: '', params: [] };
    const held = leaseHeld(this.lease, Date.now());
    return { and: ` AND ${held.sql}`, where: ` WHERE ${held.sql}`, params: held.params };
  }

  /** After a fenced write changed nothing: LeaseLostError when the lost lease is why. */
  async #unchanged(): Promise<void> {
    if (this.lease && !(await holdsLease(this.sql, this.lease, Date.now()))) {
      throw new LeaseLostError(this.lease.shardId);
    }
  }

  /** Runs a fenced write; its number of changed rows. */
  async #write(sql: string, params: unknown[]): Promise<number> {
    const fence = this.#fence();
    const changed = await this.sql.run(sql + fence.and, [...params, ...fence.params]);
    if (changed === 0) await this.#unchanged();
    return changed;
  }

  async settings(guildId: string): Promise<GuildSettings> {
    const row = await this.sql.get<Omit<GuildSettings, 'guildId'>>(
      `SELECT quizmaster_role_id AS "quizmasterRoleId", default_seconds AS "defaultSeconds",
         default_scoring AS "defaultScoring" FROM guild_settings WHERE guild_id = ?`,
      [guildId],
    );
    return {
      guildId,
      quizmasterRoleId: row?.quizmasterRoleId ?? null,
      defaultSeconds: row?.defaultSeconds ?? 30,
      defaultScoring: row?.defaultScoring ?? 'exact',
    };
  }

  async saveSettings(s: GuildSettings, now: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO guild_settings (guild_id, quizmaster_role_id, default_seconds, default_scoring, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (guild_id) DO UPDATE SET quizmaster_role_id = excluded.quizmaster_role_id,
           default_seconds = excluded.default_seconds, default_scoring = excluded.default_scoring,
           updated_at = excluded.updated_at`,
      [s.guildId, s.quizmasterRoleId, s.defaultSeconds, s.defaultScoring, now],
    );
  }

  async createSession(s: NewSession): Promise<SessionRow> {
    const fence = this.#fence();
    let row: RawSession | undefined;
    try {
      row = await this.sql.get<RawSession>(
        `INSERT INTO sessions (guild_id, channel_id, bank_id, started_by, seconds, scoring, shuffle,
           question_ids, state, started_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?${fence.where}
         RETURNING ${sessionCols}`,
        [
          s.guildId,
          s.channelId,
          s.bankId,
          s.startedBy,
          s.seconds,
          s.scoring,
          s.shuffle ? 1 : 0,
          JSON.stringify(s.questionIds),
          s.now,
          ...fence.params,
        ],
      );
    } catch (err) {
      if (this.sql.isUniqueViolation(err)) {
        throw new CommandError('QUIZ_RUNNING', 'A quiz is already running in this channel.');
      }
      throw err;
    }
    if (!row) await this.#unchanged();
    return toSession(row as RawSession);
  }

  async session(id: number): Promise<SessionRow | undefined> {
    const r = await this.sql.get<RawSession>(`SELECT ${sessionCols} FROM sessions WHERE id = ?`, [
      id,
    ]);
    return maybe(r, toSession);
  }

  async runningSessions(): Promise<SessionRow[]> {
    const rows = await this.sql.all<RawSession>(
      `SELECT ${sessionCols} FROM sessions WHERE state = 'running' ORDER BY id`,
    );
    return rows.map(toSession);
  }

  async runningInChannel(channelId: string): Promise<SessionRow | undefined> {
    const r = await this.sql.get<RawSession>(
      `SELECT ${sessionCols} FROM sessions WHERE channel_id = ? AND state = 'running'`,
      [channelId],
    );
    return maybe(r, toSession);
  }

  async latestInChannel(channelId: string): Promise<SessionRow | undefined> {
    const r = await this.sql.get<RawSession>(
      `SELECT ${sessionCols} FROM sessions WHERE channel_id = ? ORDER BY id DESC LIMIT 1`,
      [channelId],
    );
    return maybe(r, toSession);
  }

  async endSession(
    id: number,
    state: 'finished' | 'stopped',
    now: number,
    board = false,
  ): Promise<void> {
    await this.#write(
      `UPDATE sessions SET state = ?, ended_at = ?, board_pending = ? WHERE id = ? AND state = 'running'`,
      [state, now, board ? 1 : 0, id],
    );
  }

  async sessionsOwingBoard(): Promise<SessionRow[]> {
    const rows = await this.sql.all<RawSession>(
      `SELECT ${sessionCols} FROM sessions WHERE board_pending = 1 ORDER BY id`,
    );
    return rows.map(toSession);
  }

  async boardPosted(id: number): Promise<void> {
    await this.#write('UPDATE sessions SET board_pending = 0 WHERE id = ?', [id]);
  }

  async createRound(r: NewRound): Promise<RoundRow> {
    const fence = this.#fence();
    const row = await this.sql.get<RawRound>(
      `INSERT INTO rounds (session_id, idx, channel_id, question_id, seed, tags, state)
         SELECT ?, ?, ?, ?, ?, ?, 'posting'${fence.where} RETURNING ${roundCols}`,
      [
        r.sessionId,
        r.idx,
        r.channelId,
        r.questionId,
        r.seed,
        JSON.stringify(r.tags),
        ...fence.params,
      ],
    );
    if (!row) await this.#unchanged();
    return toRound(row as RawRound);
  }

  async round(id: number): Promise<RoundRow | undefined> {
    const r = await this.sql.get<RawRound>(`SELECT ${roundCols} FROM rounds WHERE id = ?`, [id]);
    return maybe(r, toRound);
  }

  async latestRound(sessionId: number): Promise<RoundRow | undefined> {
    const r = await this.sql.get<RawRound>(
      `SELECT ${roundCols} FROM rounds WHERE session_id = ? ORDER BY idx DESC LIMIT 1`,
      [sessionId],
    );
    return maybe(r, toRound);
  }

  async setRoundMessage(id: number, messageId: string): Promise<void> {
    await this.#write('UPDATE rounds SET message_id = ? WHERE id = ?', [messageId, id]);
  }

  async openRound(id: number, opensAt: number, closesAt: number): Promise<void> {
    const changed = await this.#write(
      `UPDATE rounds SET state = 'open', opens_at = ?, closes_at = ? WHERE id = ? AND state = 'posting'`,
      [opensAt, closesAt, id],
    );
    expectMoved(changed, id, 'posting', 'open');
  }

  async markRevealed(id: number): Promise<void> {
    const changed = await this.#write(
      `UPDATE rounds SET state = 'revealed' WHERE id = ? AND state = 'graded'`,
      [id],
    );
    expectMoved(changed, id, 'graded', 'revealed');
  }

  async skipRound(id: number): Promise<boolean> {
    const changed = await this.#write(
      `UPDATE rounds SET state = 'skipped' WHERE id = ? AND state IN ('posting', 'open')`,
      [id],
    );
    return changed === 1;
  }

  async gradeRound(
    roundId: number,
    answers: readonly GradedAnswer[],
    now: number,
  ): Promise<boolean> {
    const fence = this.#fence();
    const graded = await this.sql.transaction(async (tx) => {
      const round = await writeGrading(tx, roundId, answers, now, fence);
      if (!round) return false;
      await this.#reviewRound(tx, roundId, round, answers, now);
      return true;
    });
    if (!graded) await this.#unchanged();
    return graded;
  }

  /** Each graded answer of a round is a review of its question for that member. */
  async #reviewRound(
    tx: SqlConn,
    roundId: number,
    round: { sessionId: number; questionId: string },
    answers: readonly GradedAnswer[],
    now: number,
  ) {
    const items: ReviewItem[] = [];
    for (const a of answers) {
      const rating = verdictRating(a.verdict);
      if (rating !== undefined) items.push({ userId: a.userId, rating });
    }
    if (items.length === 0) return;
    const session = await tx.get<{ guildId: string; bankId: string }>(
      'SELECT guild_id AS "guildId", bank_id AS "bankId" FROM sessions WHERE id = ?',
      [round.sessionId],
    );
    if (!session) throw new StoreInvariantError(`round ${roundId}: its session is gone`);
    await writeReviews(tx, { ...session, questionId: round.questionId }, items, now, { roundId });
  }

  async answers(roundId: number): Promise<AnswerRow[]> {
    const rows = await this.sql.all<Omit<AnswerRow, 'selected'> & { selected: string }>(
      'SELECT user_id AS "userId", selected, verdict, score FROM answers WHERE round_id = ? ORDER BY user_id',
      [roundId],
    );
    return rows.map((r) => ({ ...r, selected: r.selected === '' ? [] : r.selected.split('') }));
  }

  sessionStandings(sessionId: number) {
    return sessionStandings(this.sql, sessionId);
  }

  guildStandings(guildId: string, scope: 'week' | 'all', now: number) {
    return guildStandings(this.sql, guildId, scope, now);
  }

  memberStats(guildId: string, userId: string) {
    return memberStats(this.sql, guildId, userId);
  }

  acquireLease(shardId: number, owner: string, ttlMs: number, now: number) {
    return acquireLease(this.sql, shardId, owner, ttlMs, now);
  }

  renewLease(shardId: number, owner: string, ttlMs: number, now: number) {
    return renewLease(this.sql, shardId, owner, ttlMs, now);
  }

  releaseLease(shardId: number, owner: string) {
    return releaseLease(this.sql, shardId, owner);
  }

  shardLeases() {
    return shardLeases(this.sql);
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}

function expectMoved(changed: number, id: number, from: RoundState, to: RoundState): void {
  if (changed !== 1)
    throw new StoreInvariantError(`round ${id}: cannot move to ${to}, it is not ${from}`);
}
