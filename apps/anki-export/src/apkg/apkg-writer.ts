import type { Database, SqlJsStatic } from 'sql.js';
import { collectionJson } from './collection-json';
import { COLLECTION_INDEXES, collectionTemplate } from './collection-template';
import { Exporter } from './exporter';
import { deckId } from './ids';
import {
  type ApkgMedia,
  type ApkgNote,
  type NoteRow,
  type NoteTypeSpec,
  prepareNoteRow,
} from './write-apkg';
import { zipEntries } from './zip';

export interface ApkgWriterOptions {
  noteType: NoteTypeSpec;
  /** The deck of every note to come, in note order (or each run's deck once). */
  decks: readonly string[];
  /** How many notes will be added: Anki's next new-card position follows them. */
  count: number;
  /** Export time in seconds: note and card `mod`, ids and zip dates derive from it. */
  time: number;
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 10_000;

/**
 * Writes an `.apkg` as notes come: one note and one card per note, in the order added (`due` =
 * 1..N). Notes can be added while later ones are still being prepared; finish() packs the file.
 */
export class ApkgWriter {
  readonly #opts: ApkgWriterOptions;
  readonly #exporter: Exporter;
  readonly #db: Database;
  readonly #insertNote: ReturnType<Database['prepare']>;
  readonly #baseId: number;
  /** Runs of consecutive notes in one deck: [deck, first index, last index]. */
  readonly #runs: [string, number, number][] = [];
  #added = 0;
  #closed = false;

  /** `sql`: the SQLite the Exporter works on, as a sql.js module (nativeSql() or sql.js). */
  constructor(sql: SqlJsStatic, opts: ApkgWriterOptions) {
    this.#opts = opts;
    const { noteType, time } = opts;
    const { header, topDeck } = collectionJson(noteType, opts.decks, opts.count, time);
    this.#exporter = new Exporter(topDeck, {
      template: collectionTemplate(header),
      sql,
    });
    this.#db = this.#exporter.db;
    try {
      // The Exporter renames our last deck and note type to Date.now() ids; put the stable ones back.
      this.#db.run('UPDATE col SET models = ?, decks = ? WHERE id = 1', [
        JSON.stringify(header.models),
        JSON.stringify(header.decks),
      ]);
      this.#db.run('BEGIN');
      // The model id and the time are the same for every note: in the SQL, not bound per row.
      this.#insertNote = this.#db.prepare(
        `INSERT INTO notes VALUES (?,?,${integer(noteType.id)},${integer(time)},-1,?,CAST(? AS TEXT),CAST(? AS TEXT),?,0,'')`,
      );
    } catch (error) {
      this.#db.close();
      throw error;
    }
    // Ids are creation times in ms (Anki shows them as "Created"); one per note keeps them unique.
    this.#baseId = time * 1000;
  }

  /** Adds notes after those already added. */
  add(notes: readonly (ApkgNote | NoteRow)[]): void {
    if (this.#closed) throw new Error('ApkgWriter: add after finish or close');
    const { noteType, onProgress, count } = this.#opts;
    for (const note of notes) {
      const row = 'flds' in note ? note : prepareNoteRow(note, noteType);
      const i = this.#added++;
      this.#insertNote.run([this.#baseId + i, row.guid, row.tags, row.flds, row.sfld, row.csum]);
      const run = this.#runs.at(-1);
      if (run && run[0] === row.deck) run[2] = i;
      else this.#runs.push([row.deck, i, i]);
      if ((i + 1) % PROGRESS_EVERY === 0) onProgress?.(i + 1, count);
    }
  }

  /** The package's bytes; the writer is closed afterwards. */
  async finish(media: readonly ApkgMedia[] = []): Promise<Uint8Array> {
    if (this.#closed) throw new Error('ApkgWriter: finish after finish or close');
    try {
      if (this.#added !== this.#opts.count) {
        throw new RangeError(
          `ApkgWriter: ${this.#added} notes added, ${this.#opts.count} announced`,
        );
      }
      this.#insertNote.free();
      // One new card per note, due in note order (1..N); one statement per run of same-deck notes.
      const insertCards = this.#db.prepare(
        "INSERT INTO cards SELECT id, id, ?, 0, mod, -1, 0, 0, id - ? + 1, 0, 0, 0, 0, 0, 0, 0, 0, '' FROM notes WHERE id BETWEEN ? AND ?",
      );
      for (const [deck, first, last] of this.#runs) {
        insertCards.run([deckId(deck), this.#baseId, this.#baseId + first, this.#baseId + last]);
      }
      insertCards.free();
      // Indexes in the same transaction: built once, and the file does not grow after the commit.
      this.#db.exec(COLLECTION_INDEXES);
      this.#db.run('COMMIT');
      return await pack(this.#exporter, this.#db.export(), media, this.#opts.time);
    } finally {
      this.close();
    }
  }

  /** Drops the unfinished package. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }
}

function integer(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return String(n);
}

function pack(
  exporter: Exporter,
  collection: Uint8Array,
  media: readonly ApkgMedia[],
  time: number,
): Promise<Uint8Array> {
  // Exporter.save() zips with JSZip (slow), stamps the current time (so no two exports are
  // identical) and calls the deprecated `new Buffer`: we take its media list and zip ourselves.
  for (const m of media) exporter.addMedia(m.name, m.data);
  const map = Object.fromEntries(exporter.media.map((m, i) => [String(i), m.filename]));
  return zipEntries(
    [
      { name: 'collection.anki2', data: collection },
      { name: 'media', data: Buffer.from(JSON.stringify(map)) },
      ...exporter.media.map((m, i) => ({ name: String(i), data: m.data })),
    ],
    new Date(time * 1000),
  );
}
