import type { SqlJsStatic } from 'sql.js';

/** Must match the collection template's `PRAGMA page_size`. */
export const PAGE_SIZE = 16_384;

/**
 * A valid, empty database file with our page size (its header tells SQLite the true size), written
 * here rather than by opening, writing and exporting a throwaway sql.js database: that costs a
 * first export 10–30 ms. It is the file SQLite leaves after `CREATE TABLE t(x); DROP TABLE t`:
 * two pages, the second on the freelist, which the template's first table then takes.
 */
function seedFile(): Uint8Array {
  const file = new Uint8Array(2 * PAGE_SIZE);
  const header = new DataView(file.buffer);
  file.set(new TextEncoder().encode('SQLite format 3\0'));
  header.setUint16(16, PAGE_SIZE);
  file.set([1, 1, 0, 64, 32, 32], 18); // file format versions, reserved bytes, payload fractions
  header.setUint32(24, 1); // change counter
  header.setUint32(28, 2); // pages
  header.setUint32(32, 2); // first freelist trunk page
  header.setUint32(36, 1); // freelist pages
  header.setUint32(40, 1); // schema cookie
  header.setUint32(44, 4); // schema format
  header.setUint32(56, 1); // UTF-8
  header.setUint32(92, 1); // version-valid-for (SQLite rewrites it and the version at commit)
  file[100] = 13; // page 1: an empty table b-tree leaf…
  header.setUint16(105, PAGE_SIZE); // …whose cell content starts at the page's end
  return file;
}

/**
 * sql.js whose `new Database()` opens a file already `bytes` long. sql.js keeps the database in a
 * JavaScript array that grows by 1/8 and copies itself each time it is outgrown: a 230 MB
 * collection copies about 2 GB on the way. Starting at the expected size, pages are written in
 * place; at commit SQLite truncates the file to the pages it uses (one copy), so the bytes do not
 * depend on the guess.
 */
export function presizedSql(sql: SqlJsStatic, bytes: number): SqlJsStatic {
  const seed = seedFile();
  const file = new Uint8Array(Math.max(bytes, seed.length));
  file.set(seed);
  class PresizedDatabase extends sql.Database {
    constructor() {
      super(file);
    }
  }
  return { ...sql, Database: PresizedDatabase };
}
