// Test helper: opens an .apkg the way Anki does (zip → collection.anki2 → SQLite) with sql.js.
import JSZip from 'jszip';
import { loadSql } from '../src/index';

export interface ReadNote {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string[];
  sfld: string;
  csum: number;
}
export interface ReadCard {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  due: number;
  type: number;
  queue: number;
}
export interface ReadApkg {
  files: string[];
  /** The SQLite file, as packed. */
  collection: Uint8Array;
  /** What SQLite's `PRAGMA integrity_check` says of it ("ok" when sound). */
  integrity: string;
  media: Record<string, string>;
  mediaFiles: Record<string, Uint8Array>;
  models: Record<
    string,
    {
      id: number;
      name: string;
      sortf: number;
      flds: { name: string; id: number }[];
      tmpls: { qfmt: string; afmt: string; id: number }[];
      css: string;
      did: number;
    }
  >;
  decks: Record<string, { id: number; name: string }>;
  notes: ReadNote[];
  cards: ReadCard[];
}

function rows<T>(
  db: { exec(sql: string): { columns: string[]; values: unknown[][] }[] },
  sql: string,
): T[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])) as T);
}

export async function readApkg(bytes: Uint8Array): Promise<ReadApkg> {
  const zip = await JSZip.loadAsync(bytes);
  const collection = await zip.file('collection.anki2')?.async('uint8array');
  if (!collection) throw new Error('no collection.anki2');
  const media = JSON.parse((await zip.file('media')?.async('string')) ?? 'null') as Record<
    string,
    string
  >;
  const mediaFiles: Record<string, Uint8Array> = {};
  for (const [index, name] of Object.entries(media)) {
    const data = await zip.file(index)?.async('uint8array');
    if (data) mediaFiles[name] = data;
  }
  const SQL = await loadSql();
  const db = new SQL.Database(collection);
  try {
    const [col] = rows<{ models: string; decks: string }>(db, 'SELECT models, decks FROM col');
    if (!col) throw new Error('no col row');
    const notes = rows<Omit<ReadNote, 'flds'> & { flds: string }>(
      db,
      'SELECT id, guid, mid, mod, tags, flds, sfld, csum FROM notes ORDER BY id',
    ).map((n) => ({ ...n, flds: n.flds.split('\u001f') }));
    const [check] = rows<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
    return {
      files: Object.keys(zip.files).sort(),
      collection,
      integrity: check?.integrity_check ?? 'no answer',
      media,
      mediaFiles,
      models: JSON.parse(col.models),
      decks: JSON.parse(col.decks),
      notes,
      cards: rows<ReadCard>(
        db,
        'SELECT id, nid, did, ord, mod, due, type, queue FROM cards ORDER BY id',
      ),
    };
  } finally {
    db.close();
  }
}
