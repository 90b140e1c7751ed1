import type { Statement } from 'better-sqlite3';
import { type Db, openDatabase } from './database';
import type { SqlConn, SqlDriver } from './sql';

/**
 * The store's SQLite backend: one better-sqlite3 connection (see openDatabase for the lock and the
 * migrations), its statements prepared once per SQL text. Statements run synchronously; a
 * transaction holds the connection, and statements from outside it wait until it ends.
 */
export class SqliteDriver implements SqlDriver {
  readonly backend = 'sqlite';
  readonly #statements = new Map<string, Statement>();
  #tx: Promise<unknown> | undefined;
  readonly #direct: SqlConn = {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      this.#sql(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) =>
      this.#sql(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly unknown[] = []) =>
      this.#sql(sql).run(...params).changes,
  };

  constructor(readonly db: Db) {}

  static open(path: string): SqliteDriver {
    return new SqliteDriver(openDatabase(path));
  }

  #sql(text: string): Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `work` once no transaction holds the connection (checked and run in one turn). */
  async #outside<T>(work: () => T): Promise<T> {
    while (this.#tx) await this.#tx.catch(noop);
    return work();
  }

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.#outside(() => this.#sql(sql).all(...params) as T[]);
  }

  get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.#outside(() => this.#sql(sql).get(...params) as T | undefined);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.#outside(() => this.#sql(sql).run(...params).changes);
  }

  async transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T> {
    while (this.#tx) await this.#tx.catch(noop);
    const body = this.#inTransaction(fn);
    this.#tx = body;
    try {
      return await body;
    } finally {
      if (this.#tx === body) this.#tx = undefined;
    }
  }

  async #inTransaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN');
    try {
      const result = await fn(this.#direct);
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  isUniqueViolation(err: unknown): boolean {
    const code = (err as { code?: unknown }).code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  async close(): Promise<void> {
    await this.#outside(() => this.db.close());
  }
}

const noop = () => {};
