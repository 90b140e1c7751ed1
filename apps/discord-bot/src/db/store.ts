import type { ReviewStore } from './review-store';
import type { AnswerRow, GuildSettings, RoundRow, SessionRow } from './rows';
import type { HeldLease, ShardLease } from './shard-leases';
import type { MemberStats, Standing } from './standings';

/** Where the store lives: a SQLite file (or `:memory:`), or a PostgreSQL database. */
export type StoreLocation =
  | { backend: 'sqlite'; path: string }
  | { backend: 'postgres'; url: string };

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

export type NewRound = Pick<
  RoundRow,
  'sessionId' | 'idx' | 'channelId' | 'questionId' | 'seed' | 'tags'
>;

export interface GradedAnswer {
  userId: string;
  selected: string[];
  verdict: AnswerRow['verdict'];
  score: number;
}

/**
 * The bot's store: guild settings, sessions, rounds, answers, scores and what is read from them.
 * Every write the quiz makes goes through here; nothing outside `src/db` sees SQL or a database
 * handle. Backends: SQLite (one bot per file) and PostgreSQL (shared by several processes).
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Spaced review: members' cards, the review log, `/review` prompts, the daily line. */
  readonly reviews: ReviewStore;

  settings(guildId: string): Promise<GuildSettings>;
  saveSettings(settings: GuildSettings, now: number): Promise<void>;

  /** A running session; CommandError QUIZ_RUNNING when the channel already has one. */
  createSession(s: NewSession): Promise<SessionRow>;
  session(id: number): Promise<SessionRow | undefined>;
  runningSessions(): Promise<SessionRow[]>;
  runningInChannel(channelId: string): Promise<SessionRow | undefined>;
  latestInChannel(channelId: string): Promise<SessionRow | undefined>;
  /**
   * Ends a running session. With `board`, its final leaderboard is owed (`boardPosted` settles it),
   * also to a process that starts after a crash.
   */
  endSession(
    id: number,
    state: 'finished' | 'stopped',
    now: number,
    board?: boolean,
  ): Promise<void>;
  /** Ended sessions whose final leaderboard is not posted yet. */
  sessionsOwingBoard(): Promise<SessionRow[]>;
  boardPosted(id: number): Promise<void>;

  /** A new round in state `posting`. */
  createRound(r: NewRound): Promise<RoundRow>;
  round(id: number): Promise<RoundRow | undefined>;
  latestRound(sessionId: number): Promise<RoundRow | undefined>;
  setRoundMessage(id: number, messageId: string): Promise<void>;
  /** posting → open; throws when the round is not posting. */
  openRound(id: number, opensAt: number, closesAt: number): Promise<void>;
  /** graded → revealed; throws when the round is not graded. */
  markRevealed(id: number): Promise<void>;
  /** Drops a round from grading (skip/stop); false when it was already graded. */
  skipRound(id: number): Promise<boolean>;
  /**
   * Grades a round exactly once, also with several processes on one database: the state change,
   * the answers, the score totals and each graded answer's review of the question (FSRS; an
   * unanswered one is none) commit together or not at all. False when the round was not open
   * (already graded, or skipped): a re-grade reviews nothing.
   */
  gradeRound(roundId: number, answers: readonly GradedAnswer[], now: number): Promise<boolean>;
  /** A round's answers, by member id. */
  answers(roundId: number): Promise<AnswerRow[]>;

  sessionStandings(sessionId: number): Promise<Standing[]>;
  /** Guild-wide standings over every graded answer, or the last seven days of them. */
  guildStandings(guildId: string, scope: 'week' | 'all', now: number): Promise<Standing[]>;
  memberStats(guildId: string, userId: string): Promise<MemberStats>;

  /**
   * Shard leases, for several processes on one PostgreSQL database (on SQLite one process holds
   * the file anyway). Acquire takes a free, expired or own lease until `now + ttlMs`; renew
   * extends an unexpired own lease; both false otherwise. Atomic on both backends.
   */
  acquireLease(shardId: number, owner: string, ttlMs: number, now: number): Promise<boolean>;
  renewLease(shardId: number, owner: string, ttlMs: number, now: number): Promise<boolean>;
  releaseLease(shardId: number, owner: string): Promise<boolean>;
  shardLeases(): Promise<ShardLease[]>;
  /**
   * The store as the holder of `lease` (PostgreSQL): its quiz writes (sessions, rounds, grading,
   * leaderboard debts) commit only while the lease holds, checked in the same statement; one the
   * check refuses changes nothing and throws LeaseLostError. Reads and settings are the shared
   * store's. On SQLite, the store itself.
   */
  fenced(lease: HeldLease): Store;

  close(): Promise<void>;
}
