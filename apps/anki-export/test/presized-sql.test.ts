import { describe, expect, it } from 'vitest';
import { loadSql, PAGE_SIZE, presizedSql } from '../src/index';

async function build(presize: number | undefined): Promise<Uint8Array> {
  const sql = await loadSql();
  const db = new (presize === undefined ? sql : presizedSql(sql, presize)).Database();
  db.exec(`PRAGMA page_size=${PAGE_SIZE}; PRAGMA journal_mode=OFF; PRAGMA secure_delete=ON;`);
  db.exec('BEGIN; CREATE TABLE t (id integer primary key, body text);');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
  for (let i = 0; i < 2000; i++) insert.run([i, `row ${i} `.repeat(40)]);
  insert.free();
  db.exec('CREATE INDEX ix ON t (body); COMMIT;');
  const bytes = db.export();
  db.close();
  return bytes;
}

describe('presizedSql', () => {
  it('gives the same database bytes whether the file starts too big, too small or empty', async () => {
    const plain = await build(undefined);
    expect(plain.length).toBeGreaterThan(1_000_000);
    for (const size of [50_000, plain.length, 8 * plain.length]) {
      expect(Buffer.from(await build(size)).equals(Buffer.from(plain))).toBe(true);
    }
  });
});
