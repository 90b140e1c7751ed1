import Database from 'better-sqlite3';
import type { StoreLocation } from '../src/index';

type File = string | StoreLocation;

function pathOf(file: File): string {
  if (typeof file === 'string') return file;
  if (file.backend !== 'sqlite') throw new Error('not a SQLite store');
  return file.path;
}

/**
 * Rows of a query on a bot's SQLite file, read over a connection of the test's own (as the
 * sqlite3 shell would, while the bot holds the file), for checks the store has no query for.
 */
export function sqliteRows<T>(file: File, sql: string, params: unknown[] = []): T[] {
  const db = new Database(pathOf(file), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Runs a write on a bot's SQLite file while no bot holds it (standing in for time passing). */
export function sqliteWrite(file: File, sql: string, params: unknown[] = []): void {
  const db = new Database(pathOf(file), { fileMustExist: true });
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}
