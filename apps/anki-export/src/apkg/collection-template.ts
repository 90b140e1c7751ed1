// The empty collection (Anki schema 11, what `collection.anki2` holds), and its indexes.

export interface CollectionHeader {
  /** Collection creation time, seconds. */
  crt: number;
  /** Modification time, milliseconds. */
  mod: number;
  conf: object;
  models: object;
  decks: object;
  dconf: object;
}

/** The collection's page size (bytes). */
export const PAGE_SIZE = 16_384;

// The pragmas are for speed and reproducible bytes: 16 KiB pages (fewer of them to write and
// pack), no rollback journal and no syncing to disk (the file is thrown away on failure), and a
// 64 MB page cache so that rows reach the file in large writes.
export const COLLECTION_SCHEMA = `
PRAGMA page_size=${PAGE_SIZE};
PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
PRAGMA cache_size=-65536;
CREATE TABLE col (
  id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null,
  conf text not null, models text not null, decks text not null, dconf text not null,
  tags text not null
);
CREATE TABLE notes (
  id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null,
  csum integer not null, flags integer not null, data text not null
);
CREATE TABLE cards (
  id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null,
  due integer not null, ivl integer not null, factor integer not null, reps integer not null,
  lapses integer not null, left integer not null, odue integer not null, odid integer not null,
  flags integer not null, data text not null
);
CREATE TABLE revlog (
  id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
  type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
`;

/** The `col` row, bound from a CollectionHeader (collectionRow). */
export const INSERT_COL = "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')";

export function collectionRow(col: CollectionHeader): (string | number)[] {
  const json = [col.conf, col.models, col.decks, col.dconf].map((v) => JSON.stringify(v));
  return [col.crt, col.mod, col.mod, ...json];
}

/**
 * The `col` row (collectionRow) is stored whole in its table's first page, with no overflow
 * pages (SQLite keeps up to a page less 35 bytes of a row in a table's leaf page). Its bytes are
 * then the same whenever it is inserted; a larger row takes pages at the end of the file, so it
 * has to come before the notes. Counted from above: each of the 13 values' record header and
 * number at most 9 bytes, texts as UTF-8.
 */
export function collectionRowFitsPage(row: readonly (string | number)[]): boolean {
  let bytes = 1 + 13 * 18;
  for (const value of row) if (typeof value === 'string') bytes += Buffer.byteLength(value);
  return bytes <= PAGE_SIZE - 35;
}

/** Anki's indexes, created after the rows are in (faster than keeping them up to date per row). */
export const COLLECTION_INDEXES = `
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;
