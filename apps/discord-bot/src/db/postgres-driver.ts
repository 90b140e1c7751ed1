import { QuizdeckError } from '@quizdeck/core';
import pg from 'pg';
import { migratePostgres } from './postgres-migrations';
import type { SqlConn, SqlDriver } from './sql';

// BIGINT (ids, millisecond times, COUNT and SUM results) as numbers: every value the store keeps
// is far below 2^53.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** `?` placeholders to PostgreSQL's `$1, $2, …` (the store's SQL has no `?` in literals). */
const numbered = new Map<string, string>();
function toPostgres(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, text);
  }
  return text;
}

const conn = (client: pg.Pool | pg.PoolClient): SqlConn => ({
  all: async <T>(sql: string, params: readonly unknown[] = []) =>
    (await client.query(toPostgres(sql), params as unknown[])).rows as T[],
  get: async <T>(sql: string, params: readonly unknown[] = []) =>
    (await client.query(toPostgres(sql), params as unknown[])).rows[0] as T | undefined,
  run: async (sql: string, params: readonly unknown[] = []) =>
    (await client.query(toPostgres(sql), params as unknown[])).rowCount ?? 0,
});

/** The PostgreSQL database QUIZDECK_DB names cannot be opened (down, refused, unknown). */
export class StoreUnreachableError extends QuizdeckError {
  constructor(url: string, reason: string) {
    // Where, without the user or password: the URL may carry one.
    const at = new URL(url);
    super(
      'BOT_STORE_UNREACHABLE',
      `cannot open the PostgreSQL database ${at.host}${at.pathname} (QUIZDECK_DB): ${reason}`,
    );
  }
}

/**
 * The store's PostgreSQL backend: a pool of connections, shared by as many bot processes as run
 * on the database (there is no one-process guard here). A transaction takes a connection of its
 * own for its statements.
 */
export class PostgresDriver implements SqlDriver {
  readonly backend = 'postgres';
  readonly #pool: pg.Pool;
  readonly #conn: SqlConn;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
    this.#conn = conn(pool);
  }

  /** Connects to `url` and brings the schema up to date (see migratePostgres). */
  static async open(url: string, options: { max?: number } = {}): Promise<PostgresDriver> {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
    // A pooled connection that the server drops while idle: the next statement sees the failure
    // (and the quiz step retries); without a listener the error would end the process.
    pool.on('error', () => {});
    try {
      await migratePostgres(pool);
    } catch (err) {
      await pool.end();
      throw new StoreUnreachableError(url, err instanceof Error ? err.message : String(err));
    }
    return new PostgresDriver(pool);
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.#conn.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.#conn.get<T>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.#conn.run(sql, params);
  }

  async transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(conn(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      await client.query('ROLLBACK').catch((e: Error) => {
        broken = e;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  isUniqueViolation(err: unknown): boolean {
    return (err as { code?: unknown }).code === '23505';
  }

  close(): Promise<void> {
    return this.#pool.end();
  }
}
