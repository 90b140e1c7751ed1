import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { QuizdeckError } from '@quizdeck/core';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** Another bot holds the database. */
export class DatabaseInUseError extends QuizdeckError {
  constructor(path: string) {
    super(
      'BOT_DB_IN_USE',
      `${path} is in use by another quizdeck bot (it holds ${path}.lock): two bots on one database would post every question twice. Stop the other one, or give this one its own QUIZDECK_DB.`,
    );
  }
}

/**
 * Opens (creating if needed) the bot's SQLite database in WAL mode and brings its schema up to
 * date. A file database is held by this connection alone (see holdLock): a second bot on it stops
 * at once with DatabaseInUseError.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 0 });
  if (path !== ':memory:') holdLock(db, path);
  db.pragma('main.journal_mode = WAL');
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

/**
 * One bot per database: the connection attaches `<path>.lock`, a small SQLite file of its own, and
 * holds it in EXCLUSIVE locking mode until it closes (the lock goes with the process if it dies).
 * The database itself stays open to readers: the sqlite3 shell, backups, the benchmark.
 */
function holdLock(db: Db, path: string): void {
  try {
    db.prepare('ATTACH DATABASE ? AS bot_lock').run(`${path}.lock`);
    db.pragma('bot_lock.locking_mode = EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS bot_lock.holder (id INTEGER PRIMARY KEY, pid INTEGER)');
    db.prepare('INSERT OR REPLACE INTO bot_lock.holder VALUES (1, ?)').run(process.pid);
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(path);
    throw error;
  }
}
