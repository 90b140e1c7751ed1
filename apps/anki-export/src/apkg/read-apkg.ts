import JSZip from 'jszip';
import { loadSql } from './sql';

export interface PackagedNote {
  guid: string;
  /** Note type id. */
  mid: number;
  fields: string[];
  tags: string[];
  /** Deck of the note's first card. */
  deck: string;
}

export class ApkgReadError extends Error {}

/** The notes of an `.apkg` (legacy `collection.anki2`, which is what quizdeck writes). */
export async function readApkgNotes(bytes: Uint8Array): Promise<PackagedNote[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new ApkgReadError('not a zip file', { cause });
  }
  const collection = await zip.file('collection.anki2')?.async('uint8array');
  if (!collection) throw new ApkgReadError('no collection.anki2 inside');
  const SQL = await loadSql();
  const db = new SQL.Database(collection);
  try {
    const decks = JSON.parse(String(db.exec('SELECT decks FROM col')[0]?.values[0]?.[0] ?? '{}'));
    const names = new Map<number, string>(
      Object.values(decks as Record<string, { id: number; name: string }>).map((d) => [
        d.id,
        d.name,
      ]),
    );
    const rows =
      db.exec(
        'SELECT n.guid, n.mid, n.flds, n.tags, (SELECT did FROM cards WHERE nid = n.id ORDER BY ord LIMIT 1) FROM notes n ORDER BY n.id',
      )[0]?.values ?? [];
    return rows.map(([guid, mid, flds, tags, did]) => ({
      guid: String(guid),
      mid: Number(mid),
      fields: String(flds).split('\u001f'),
      tags: String(tags).split(' ').filter(Boolean),
      deck: names.get(Number(did)) ?? 'Default',
    }));
  } catch (cause) {
    throw new ApkgReadError('not an Anki collection', { cause });
  } finally {
    db.close();
  }
}
