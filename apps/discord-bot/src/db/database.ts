import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { QuizdeckError } from '@quizdeck/core';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** The database is held by another connection: most likely a second bot. */
export class DatabaseInUseError extends QuizdeckError {
  constructor(path: string) {
    super(
      'BOT_DB_IN_USE',
      `${path} is in use by another quizdeck bot (or another program): two bots on one database would post every question twice. Stop the other one, or give this one its own QUIZDECK_DB.`,
    );
  }
}

/**
 * Opens (creating if needed) the bot's SQLite database in WAL mode and brings its schema up to
 * date. The connection holds the file exclusively until it is closed (SQLite's EXCLUSIVE locking
 * mode; the lock goes with the process if it dies), so a second bot on the same database stops
 * at once with DatabaseInUseError.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(path);
    throw error;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Runs the migrations the database has not seen; returns the schema version reached. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
