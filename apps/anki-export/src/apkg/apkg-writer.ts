import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { collectionJson } from './collection-json';
import {
  COLLECTION_INDEXES,
  COLLECTION_SCHEMA,
  collectionRow,
  collectionRowFitsPage,
  INSERT_COL,
  PAGE_SIZE,
} from './collection-template';
import { FileDeflate } from './file-deflate';
import { deckId } from './ids';
import {
  type ApkgMedia,
  type ApkgNote,
  type NoteRow,
  type NoteTypeSpec,
  prepareNoteRow,
} from './note-row';
import { zipEntries } from './zip';

/** What the collection's header needs to know of the notes: given at once, or announce()d. */
export interface ApkgContents {
  /** The deck of every note, in note order (or each run's deck once). */
  decks: readonly string[];
  /** How many notes will be added: Anki's next new-card position follows them. */
  count: number;
}

export interface ApkgWriterOptions extends Partial<ApkgContents> {
  noteType: NoteTypeSpec;
  /** Export time in seconds: the default note and card `mod`, new ids and zip dates derive from it. */
  time: number;
  /** Ids that new notes must not take (those of notes carried over from a previous export). */
  takenIds?: ReadonlySet<number>;
  /** Called every 10,000 notes added, once the count is known. */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 10_000;

type Bindable = string | number | Buffer;

/** better-sqlite3 binds Buffers; a view over the same memory costs no copy. */
function text(value: string | Uint8Array): Bindable {
  return typeof value === 'string'
    ? value
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/**
 * Writes an `.apkg` as notes come: one note and one card per note, in the order added (`due` =
 * 1..N). Notes can be added while later ones are still being prepared; finish() packs the file.
 * The collection is a SQLite file (better-sqlite3) in a temporary folder, not a database in
 * memory: its pages then sit in the system's file cache instead of this process (with the copy
 * that serializing it made, they were most of a large export's peak: docs/anki.md), and are
 * zipped a piece at a time from the file.
 *
 * Without `decks` and `count`, notes can be added before they are known (while later banks still
 * load); announce() gives them before finish(). The bytes are the same either way.
 */
export class ApkgWriter {
  readonly #opts: ApkgWriterOptions;
  readonly #dir: string;
  #file: string;
  #db: BetterSqlite3.Database;
  #insertNote: BetterSqlite3.Statement;
  #contents: ApkgContents | undefined;
  /** The `col` row, announced after notes were added: inserted by finish(). */
  #lateHeader: (string | number)[] | undefined;
  readonly #deckIds = new Map<string, number>();
  /** Per card, in note order: note id, deck id, mod. */
  readonly #cards: number[] = [];
  readonly #usedIds = new Set<number>();
  #nextId: number;
  #added = 0;
  #closed = false;

  constructor(opts: ApkgWriterOptions) {
    this.#opts = opts;
    const { time } = opts;
    this.#dir = mkdtempSync(join(tmpdir(), 'quizdeck-apkg-'));
    this.#file = join(this.#dir, 'collection.anki2');
    try {
      this.#db = new BetterSqlite3(this.#file);
    } catch (error) {
      rmSync(this.#dir, { recursive: true, force: true });
      throw error;
    }
    try {
      this.#insertNote = this.#begin(this.#db);
      if (opts.decks && opts.count !== undefined) {
        this.announce({ decks: opts.decks, count: opts.count });
      }
    } catch (error) {
      this.close();
      throw error;
    }
    // Ids are creation times in ms (Anki shows them as "Created"); one per note keeps them unique.
    this.#nextId = time * 1000;
  }

  /** The empty collection in `db`, its transaction begun: the statement adding a note. */
  #begin(db: BetterSqlite3.Database): BetterSqlite3.Statement {
    db.exec(COLLECTION_SCHEMA);
    db.exec('BEGIN');
    // The model id is the same for every note: in the SQL, not bound per row.
    return db.prepare(
      `INSERT INTO notes VALUES (?,?,${integer(this.#opts.noteType.id)},?,-1,?,CAST(? AS TEXT),CAST(? AS TEXT),?,0,'')`,
    );
  }

  /**
   * The notes' decks and count, for the collection's header: its `col` row comes first in the
   * file, inserted now when no note is in yet, by finish() when it fits its page (the same bytes),
   * and otherwise before the notes of a new file that the notes added so far are copied into.
   */
  announce(contents: ApkgContents): void {
    if (this.#closed) throw new Error('ApkgWriter: announce after finish or close');
    if (this.#contents) throw new Error('ApkgWriter: contents announced twice');
    const { noteType, time, onProgress } = this.#opts;
    const { header } = collectionJson(noteType, contents.decks, contents.count, time);
    const row = collectionRow(header);
    if (this.#added === 0) this.#db.prepare(INSERT_COL).run(...row);
    else if (collectionRowFitsPage(row)) this.#lateHeader = row;
    else this.#restart(row);
    this.#contents = contents;
    for (let done = PROGRESS_EVERY; done <= this.#added; done += PROGRESS_EVERY) {
      onProgress?.(done, contents.count);
    }
  }

  /** A new collection file, the `col` row first, then the notes so far in the order added. */
  #restart(row: (string | number)[]): void {
    const early = this.#file;
    this.#db.exec('COMMIT');
    this.#db.close();
    this.#file = join(this.#dir, 'collection-2.anki2');
    this.#db = new BetterSqlite3(this.#file);
    this.#db.prepare('ATTACH ? AS early').run(early); // not possible inside the transaction
    this.#insertNote = this.#begin(this.#db);
    this.#db.prepare(INSERT_COL).run(...row);
    const copy = this.#db.prepare('INSERT INTO notes SELECT * FROM early.notes WHERE id = ?');
    const cards = this.#cards;
    for (let i = 0; i < cards.length; i += 3) copy.run(cards[i] as number);
  }

  #newId(): number {
    const taken = this.#opts.takenIds;
    while (taken?.has(this.#nextId) || this.#usedIds.has(this.#nextId)) this.#nextId++;
    return this.#nextId++;
  }

  #deckId(name: string): number {
    let id = this.#deckIds.get(name);
    if (id === undefined) {
      id = deckId(name);
      this.#deckIds.set(name, id);
    }
    return id;
  }

  /** Adds notes after those already added. */
  add(notes: readonly (ApkgNote | NoteRow)[]): void {
    if (this.#closed) throw new Error('ApkgWriter: add after finish or close');
    const { noteType, onProgress, time } = this.#opts;
    const count = this.#contents?.count;
    for (const note of notes) {
      const row = 'flds' in note ? note : prepareNoteRow(note, noteType);
      const id = row.id ?? this.#newId();
      if (row.id !== undefined) {
        if (this.#usedIds.has(id)) throw new RangeError(`ApkgWriter: note id ${id} given twice`);
        this.#usedIds.add(id);
      }
      const mod = row.mod ?? time;
      this.#insertNote.run(id, row.guid, mod, row.tags, text(row.flds), text(row.sfld), row.csum);
      this.#cards.push(id, this.#deckId(row.deck), mod);
      const done = ++this.#added;
      if (done % PROGRESS_EVERY === 0 && count !== undefined) onProgress?.(done, count);
    }
  }

  /** The package's bytes; the writer is closed afterwards. */
  async finish(media: readonly ApkgMedia[] = []): Promise<Uint8Array> {
    if (this.#closed) throw new Error('ApkgWriter: finish after finish or close');
    try {
      const count = this.#contents?.count;
      if (count === undefined) throw new Error('ApkgWriter: finish before announce');
      if (this.#added !== count) {
        throw new RangeError(`ApkgWriter: ${this.#added} notes added, ${count} announced`);
      }
      if (this.#lateHeader) this.#db.prepare(INSERT_COL).run(...this.#lateHeader);
      // The notes are committed: their pages stay as they are (only the header's and the tables'
      // first pages before them change, and pages after them are added), so the pieces of the file
      // they fill are deflated on zlib's threads while this one adds the cards and indexes.
      this.#db.exec('COMMIT');
      const deflating = new FileDeflate(this.#file, asOneTransaction);
      const pages = this.#db.pragma('page_count', { simple: true }) as number;
      deflating.startBefore(pages * PAGE_SIZE);
      this.#db.exec('BEGIN');
      // One new card per note, with the note's id and mod, due in note order (1..N).
      const insertCard = this.#db.prepare(
        "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
      );
      const cards = this.#cards;
      for (let i = 0, due = 1; i < cards.length; i += 3, due++) {
        const id = cards[i] as number;
        insertCard.run(id, id, cards[i + 1] as number, cards[i + 2] as number, due);
        if (due % YIELD_EVERY === 0) await nextTurn(); // the pieces' reads go on
      }
      // Indexes in the same transaction: built once, and the file does not grow after the commit.
      for (const index of COLLECTION_INDEXES.split(';')) {
        if (index.trim() === '') continue;
        this.#db.exec(index);
        await nextTurn();
      }
      this.#db.exec('COMMIT');
      this.#db.close();
      return await pack(deflating, media, this.#opts.time);
    } finally {
      this.close();
    }
  }

  /** Drops the unfinished package. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#db.open) this.#db.close();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

function integer(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return String(n);
}

/** Cards added between two turns of the event loop in finish(). */
const YIELD_EVERY = 20_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The commit of the notes before the cards is the one trace of finish()'s two transactions in the
 * file: SQLite's change counter (at byte 24 of the header, and its copy at 92) counts one more.
 * Counted back, the bytes are those of a single transaction.
 */
function asOneTransaction(header: Buffer): void {
  const counter = header.readUInt32BE(24) - 1;
  header.writeUInt32BE(counter, 24);
  header.writeUInt32BE(counter, 92);
}

/** The zip Anki reads: the collection, the media map (`{"0": "name.png"}`), one entry per file. */
function pack(
  collection: FileDeflate,
  media: readonly ApkgMedia[],
  time: number,
): Promise<Uint8Array> {
  const map = Object.fromEntries(media.map((m, i) => [String(i), m.name]));
  return zipEntries(
    [
      { name: 'collection.anki2', file: collection },
      { name: 'media', data: Buffer.from(JSON.stringify(map)) },
      ...media.map((m, i) => ({ name: String(i), data: m.data })),
    ],
    new Date(time * 1000),
  );
}
