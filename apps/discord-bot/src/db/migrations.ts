/**
 * Versioned schema. Each entry runs once, in order, inside a transaction; the database's
 * `user_version` records how many have run. Never edit a shipped entry: append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE guild_settings (
    guild_id TEXT PRIMARY KEY,
    quizmaster_role_id TEXT,
    default_seconds INTEGER NOT NULL DEFAULT 30,
    default_scoring TEXT NOT NULL DEFAULT 'exact' CHECK (default_scoring IN ('exact', 'partial')),
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    guild_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    bank_id TEXT NOT NULL,
    started_by TEXT NOT NULL,
    seconds REAL NOT NULL,
    scoring TEXT NOT NULL CHECK (scoring IN ('exact', 'partial')),
    shuffle INTEGER NOT NULL,
    question_ids TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'finished', 'stopped')),
    started_at INTEGER NOT NULL,
    ended_at INTEGER
  );
  CREATE UNIQUE INDEX sessions_one_running_per_channel ON sessions (channel_id) WHERE state = 'running';
  CREATE INDEX sessions_guild ON sessions (guild_id, started_at);
  CREATE TABLE rounds (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    idx INTEGER NOT NULL,
    channel_id TEXT NOT NULL,
    message_id TEXT,
    question_id TEXT NOT NULL,
    seed TEXT NOT NULL,
    tags TEXT NOT NULL,
    opens_at INTEGER,
    closes_at INTEGER,
    state TEXT NOT NULL CHECK (state IN ('posting', 'open', 'graded', 'revealed', 'skipped')),
    graded_at INTEGER,
    UNIQUE (session_id, idx)
  );
  CREATE INDEX rounds_state ON rounds (state);
  CREATE TABLE answers (
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    user_id TEXT NOT NULL,
    selected TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'partial', 'wrong', 'unanswered')),
    score REAL NOT NULL,
    PRIMARY KEY (round_id, user_id)
  );
  CREATE INDEX answers_user ON answers (user_id);
  CREATE TABLE scores (
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    user_id TEXT NOT NULL,
    points REAL NOT NULL,
    answered INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    PRIMARY KEY (session_id, user_id)
  );
  `,
  // 2: the final leaderboard is owed until it is posted, so a crash while posting it does not lose
  // it. Sessions that ended before this version owe nothing.
  `
  ALTER TABLE sessions ADD COLUMN board_pending INTEGER NOT NULL DEFAULT 0;
  `,
  // 3: which process drives each shard's quizzes, until when (see shard-leases.ts).
  `
  CREATE TABLE shard_leases (
    shard_id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  `,
];
