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
  // 4: spaced review (issue 15). One FSRS card per guild, member and question (by the question's
  // stable id), the log of every review, the questions /review showed (their ids are what the
  // buttons carry), and the opt-in daily line.
  `
  CREATE TABLE review_cards (
    guild_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    due INTEGER NOT NULL,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    elapsed_days INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    learning_steps INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('new', 'learning', 'review', 'relearning')),
    last_review INTEGER,
    PRIMARY KEY (guild_id, user_id, bank_id, question_id)
  ) WITHOUT ROWID;
  CREATE INDEX review_cards_due ON review_cards (guild_id, user_id, due);
  CREATE INDEX review_cards_guild_due ON review_cards (guild_id, due);
  CREATE TABLE review_prompts (
    id INTEGER PRIMARY KEY,
    guild_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    bank_filter TEXT,
    shown_at INTEGER NOT NULL,
    answered_at INTEGER,
    picks TEXT
  );
  CREATE TABLE review_log (
    id INTEGER PRIMARY KEY,
    guild_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    reviewed_at INTEGER NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good')),
    phase_before TEXT NOT NULL CHECK (phase_before IN ('new', 'learning', 'review', 'relearning')),
    elapsed_days INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    due INTEGER NOT NULL,
    round_id INTEGER REFERENCES rounds (id),
    prompt_id INTEGER REFERENCES review_prompts (id),
    CHECK ((round_id IS NULL) <> (prompt_id IS NULL))
  );
  CREATE INDEX review_log_member ON review_log (guild_id, user_id, bank_id);
  CREATE UNIQUE INDEX review_log_once_per_round ON review_log (round_id, user_id) WHERE round_id IS NOT NULL;
  CREATE UNIQUE INDEX review_log_once_per_prompt ON review_log (prompt_id) WHERE prompt_id IS NOT NULL;
  CREATE TABLE review_digests (
    guild_id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL,
    hour_utc INTEGER NOT NULL CHECK (hour_utc BETWEEN 0 AND 23),
    last_posted_day INTEGER
  );
  `,
];
