import type { SqlJsStatic } from 'sql.js';

/** Must match the collection template's `PRAGMA page_size`. */
export const PAGE_SIZE = 16_384;

const seeds = new WeakMap<SqlJsStatic, Uint8Array>();

/** A valid, empty database file with our page size (its header tells SQLite the true size). */
function seedFile(sql: SqlJsStatic): Uint8Array {
  let seed = seeds.get(sql);
  if (!seed) {
    const db = new sql.Database();
    db.exec(`PRAGMA page_size=${PAGE_SIZE}; CREATE TABLE seed(x); DROP TABLE seed;`);
    seed = db.export();
    db.close();
    seeds.set(sql, seed);
  }
  return seed;
}

/**
 * sql.js whose `new Database()` opens a file already `bytes` long. sql.js keeps the database in a
 * JavaScript array that grows by 1/8 and copies itself each time it is outgrown: a 230 MB
 * collection copies about 2 GB on the way. Starting at the expected size, pages are written in
 * place; at commit SQLite truncates the file to the pages it uses (one copy), so the bytes do not
 * depend on the guess.
 */
export function presizedSql(sql: SqlJsStatic, bytes: number): SqlJsStatic {
  const seed = seedFile(sql);
  const file = new Uint8Array(Math.max(bytes, seed.length));
  file.set(seed);
  class PresizedDatabase extends sql.Database {
    constructor() {
      super(file);
    }
  }
  return { ...sql, Database: PresizedDatabase };
}
