import BetterSqlite3 from 'better-sqlite3';
import type { BindParams, ParamsObject, QueryExecResult, SqlJsStatic, SqlValue } from 'sql.js';

// anki-apkg-export's Exporter takes its SQLite as a sql.js module (`{ Database }`). This is one
// backed by native SQLite (better-sqlite3) instead of WebAssembly: a first export of 1,000 notes
// takes about half the time (sql.js spent ~150 ms compiling and running cold WebAssembly), and
// 100,000 notes about two thirds. It implements the part of sql.js's API that the Exporter and
// ApkgWriter use; sql.js itself still reads packages (read-apkg.ts) and is the second engine the
// writer's output is checked against.

type Bindable = string | number | bigint | Buffer | null;
type Args = Bindable[] | [Record<string, Bindable>];

function bindable(value: SqlValue): Bindable {
  // better-sqlite3 binds Buffers as blobs; a view over the same memory costs no copy.
  return value instanceof Uint8Array
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;
}

function args(params: BindParams | undefined): Args {
  if (params === undefined || params === null) return [];
  if (Array.isArray(params)) return params.map(bindable);
  // sql.js names parameters with their prefix (`:ts`), better-sqlite3 without it.
  const named: Record<string, Bindable> = {};
  for (const [key, value] of Object.entries(params)) named[key.slice(1)] = bindable(value);
  return [named];
}

class NativeStatement {
  readonly #statement: BetterSqlite3.Statement;

  constructor(statement: BetterSqlite3.Statement) {
    this.#statement = statement;
  }

  run(params?: BindParams): void {
    this.#statement.run(...args(params));
  }

  /** The first row, or `{}`; a statement that returns no rows is run. */
  getAsObject(params?: BindParams): ParamsObject {
    if (!this.#statement.reader) {
      this.#statement.run(...args(params));
      return {};
    }
    return (this.#statement.get(...args(params)) as ParamsObject | undefined) ?? {};
  }

  free(): boolean {
    return true; // better-sqlite3 finalizes statements when they are collected
  }
}

class NativeDatabase {
  readonly #db: BetterSqlite3.Database;

  /** An empty in-memory database, as `new SQL.Database()`. */
  constructor() {
    this.#db = new BetterSqlite3(':memory:');
  }

  /** Without params, any number of statements; with params, one. */
  run(sql: string, params?: BindParams): this {
    if (params === undefined) this.#db.exec(sql);
    else this.#db.prepare(sql).run(...args(params));
    return this;
  }

  /** One query's rows as sql.js returns them; SQL of several statements is run, with no rows. */
  exec(sql: string): QueryExecResult[] {
    let statement: BetterSqlite3.Statement;
    try {
      statement = this.#db.prepare(sql);
    } catch (error) {
      // better-sqlite3 prepares one statement at a time and says so with a RangeError.
      if (!(error instanceof RangeError)) throw error;
      this.#db.exec(sql);
      return [];
    }
    if (!statement.reader) {
      statement.run();
      return [];
    }
    const columns = statement.columns().map((c) => c.name);
    return [{ columns, values: statement.raw().all() as SqlValue[][] }];
  }

  prepare(sql: string): NativeStatement {
    return new NativeStatement(this.#db.prepare(sql));
  }

  /** The database file's bytes. */
  export(): Uint8Array {
    return this.#db.serialize();
  }

  close(): void {
    this.#db.close();
  }
}

/** Native SQLite with the face of a sql.js module, for anki-apkg-export's Exporter. */
export function nativeSql(): SqlJsStatic {
  return { Database: NativeDatabase } as unknown as SqlJsStatic;
}
