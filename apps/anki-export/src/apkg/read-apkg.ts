import { z } from 'zod';
import { loadSql } from './sql';
import { readZipEntry, ZipReadError } from './unzip';

export interface PackagedNote {
  id: number;
  guid: string;
  /** Note type id. */
  mid: number;
  /** Seconds. */
  mod: number;
  fields: string[];
  /** Anki's tag string, as stored (` a b `). */
  tags: string;
  /** Deck of the note's first card. */
  deck: string;
}

export interface PackagedNoteType {
  id: number;
  name: string;
  mod: number;
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
  css: string;
}

export interface PackagedCollection {
  /** The collection's modification time, in seconds: the export time of a quizdeck package. */
  mod: number;
  notes: PackagedNote[];
  noteTypes: Map<number, PackagedNoteType>;
}

/** A package that cannot be read; the message is one line, for the user. */
export class ApkgReadError extends Error {}

/** The collection may not inflate past this (a 100,000-question export holds about 150 MB). */
const MAX_COLLECTION = 1 << 30;

const GUID = /^[\x21-\x7e]{1,64}$/;
/** Times past this (the year 3000, in seconds) are not a real export's. */
const MAX_TIME = 32_503_680_000;

const id = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const DecksSchema = z.record(z.string(), z.object({ id, name: z.string() }));
const NoteTypesSchema = z.record(
  z.string(),
  z.object({
    id,
    name: z.string(),
    mod: id,
    flds: z.array(z.object({ name: z.string() })),
    tmpls: z.array(z.object({ name: z.string(), qfmt: z.string(), afmt: z.string() })),
    css: z.string(),
  }),
);

type Row = unknown[];

/**
 * The notes and note types of an `.apkg` (legacy `collection.anki2`, which is what quizdeck
 * writes). The file is untrusted: it is read in memory only, SQLite runs in WebAssembly (sql.js),
 * only plain tables are queried, and every value is checked; any problem is an ApkgReadError.
 */
export async function readPackage(bytes: Uint8Array): Promise<PackagedCollection> {
  let collection: Buffer | undefined;
  try {
    collection = readZipEntry(bytes, 'collection.anki2', MAX_COLLECTION);
  } catch (cause) {
    if (!(cause instanceof ZipReadError)) throw cause;
    throw new ApkgReadError(cause.message, { cause });
  }
  if (!collection) {
    throw new ApkgReadError('no collection.anki2 inside: not a package quizdeck wrote');
  }
  const SQL = await loadSql();
  let db: InstanceType<typeof SQL.Database>;
  try {
    db = new SQL.Database(collection);
  } catch (cause) {
    throw new ApkgReadError('not an Anki collection (not an SQLite database)', { cause });
  }
  try {
    const query = (sql: string): Row[] => db.exec(sql)[0]?.values ?? [];
    // A view could compute rows forever; tables are only read.
    const tables = new Set(
      query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE %'",
      ).map((r) => String(r[0])),
    );
    for (const table of ['col', 'notes', 'cards']) {
      if (!tables.has(table)) throw new ApkgReadError(`not an Anki collection (no ${table} table)`);
    }
    const [col] = query('SELECT mod, decks, models FROM col LIMIT 1');
    if (!col) throw new ApkgReadError('not an Anki collection (no col row)');
    const decks = parseJson(col[1], DecksSchema, 'decks');
    const names = new Map(Object.values(decks).map((d) => [d.id, d.name]));
    const noteTypes = new Map(
      Object.values(parseJson(col[2], NoteTypesSchema, 'note types')).map((m) => [
        m.id,
        {
          id: m.id,
          name: m.name,
          mod: m.mod,
          fields: m.flds.map((f) => f.name),
          templates: m.tmpls.map((t) => ({ name: t.name, qfmt: t.qfmt, afmt: t.afmt })),
          css: m.css,
        },
      ]),
    );
    const deckOf = new Map<number, number>();
    for (const [nid, did] of query('SELECT nid, did FROM cards ORDER BY nid, ord')) {
      if (!deckOf.has(Number(nid))) deckOf.set(Number(nid), Number(did));
    }
    const guids = new Set<string>();
    const ids = new Set<number>();
    const notes = query('SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id').map(
      ([nid, guid, mid, mod, tags, flds]) => {
        if (!isId(nid) || !isId(mid) || !isId(mod) || mod > MAX_TIME) {
          throw badNote(nid, 'id, note type or mod');
        }
        if (ids.has(nid)) throw badNote(nid, 'id (repeated)');
        // Anki's GUIDs are printable ASCII (base91 digits, or base64 in older versions).
        if (typeof guid !== 'string' || !GUID.test(guid) || guids.has(guid)) {
          throw badNote(nid, 'GUID (missing, not printable, too long or repeated)');
        }
        if (typeof tags !== 'string' || typeof flds !== 'string') throw badNote(nid, 'fields');
        ids.add(nid);
        guids.add(guid);
        return {
          id: nid,
          guid,
          mid,
          mod,
          fields: flds.split('\u001f'),
          tags,
          deck: names.get(deckOf.get(nid) ?? 1) ?? 'Default',
        };
      },
    );
    const mod = Math.floor(Number(col[0]) / 1000);
    if (!isId(mod) || mod > MAX_TIME)
      throw new ApkgReadError('not an Anki collection (bad col mod)');
    return { mod, notes, noteTypes };
  } catch (cause) {
    if (cause instanceof ApkgReadError) throw cause;
    const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new ApkgReadError(`not an Anki collection (${why})`, { cause });
  } finally {
    db.close();
  }
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function badNote(nid: unknown, what: string): ApkgReadError {
  return new ApkgReadError(`not an Anki collection (note ${String(nid)}: bad ${what})`);
}

function parseJson<T>(value: unknown, schema: z.ZodType<T>, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(String(value));
  } catch {
    throw new ApkgReadError(`not an Anki collection (its ${what} are not JSON)`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApkgReadError(`not an Anki collection (its ${what} are malformed)`);
  return parsed.data;
}
