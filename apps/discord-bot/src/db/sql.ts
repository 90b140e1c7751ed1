/**
 * What the store needs from a database: statements with `?` placeholders in the SQL both SQLite
 * and PostgreSQL accept, and transactions. Each backend is one driver; the SQL lives in the store.
 */
export interface SqlConn {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface SqlDriver extends SqlConn {
  readonly backend: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction: it commits when `fn` resolves and rolls back when it throws.
   * Statements outside the transaction never join it.
   */
  transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T>;
  /** Whether an error is a UNIQUE constraint refusing a row. */
  isUniqueViolation(err: unknown): boolean;
  close(): Promise<void>;
}
