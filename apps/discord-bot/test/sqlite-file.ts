import Database from 'better-sqlite3';

/**
 * Rows of a query on a bot's SQLite file, read over a connection of the test's own (as the
 * sqlite3 shell would, while the bot holds the file), for checks the store has no query for.
 */
export function sqliteRows<T>(path: string, sql: string, params: unknown[] = []): T[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Runs a write on a bot's SQLite file while no bot holds it (standing in for time passing). */
export function sqliteWrite(path: string, sql: string, params: unknown[] = []): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}
