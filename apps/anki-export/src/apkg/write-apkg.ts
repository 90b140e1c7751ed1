import type { SqlJsStatic } from 'sql.js';
import { ApkgWriter } from './apkg-writer';
import { fieldChecksum, stripHtmlPreservingMedia, textChecksum } from './ids';
import { nativeSql } from './native-sql';

export interface NoteTypeSpec {
  /** Constant per note-type version: Anki updates a note type in place only when the id matches. */
  id: number;
  name: string;
  /** Seconds; constant per version so a re-import does not rewrite an unchanged note type. */
  mod: number;
  fields: readonly string[];
  sortField: number;
  templates: readonly { name: string; qfmt: string; afmt: string }[];
  css: string;
}

export interface ApkgNote {
  guid: string;
  /** Full deck name, `Parent::Child`. */
  deck: string;
  /** In the note type's field order. */
  fields: readonly string[];
  tags: readonly string[];
}

/** A note ready for the notes table (see prepareNoteRow); can be made on another thread. */
export interface NoteRow {
  guid: string;
  deck: string;
  /** Anki's tag string: ` a b ` */
  tags: string;
  /** Fields joined with U+001F: text, or its UTF-8 bytes (which move between threads uncopied). */
  flds: string | Uint8Array;
  /** Sort field without HTML: text, or its UTF-8 bytes. */
  sfld: string | Uint8Array;
  csum: number;
}

export interface ApkgMedia {
  name: string;
  data: Uint8Array;
}

export interface ApkgInput {
  noteType: NoteTypeSpec;
  notes: readonly (ApkgNote | NoteRow)[];
  media?: readonly ApkgMedia[];
  /** Export time in seconds: note and card `mod`, ids and zip dates derive from it. */
  time: number;
  onProgress?: (done: number, total: number) => void;
  /** The SQLite to write with, as a sql.js module; native SQLite (nativeSql) by default. */
  sql?: SqlJsStatic;
}

const FIELD_SEPARATOR = '\u001f';

function tagString(tags: readonly string[]): string {
  const clean = [...new Set(tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean))];
  return clean.length ? ` ${clean.join(' ')} ` : '';
}

/**
 * The per-note work of writing a package, done ahead (on any thread): Anki's sort field and
 * checksum, the tag string and the joined fields.
 */
export function prepareNoteRow(note: ApkgNote, noteType: NoteTypeSpec): NoteRow {
  if (note.fields.length !== noteType.fields.length) {
    throw new RangeError(`note ${note.guid} has ${note.fields.length} fields`);
  }
  const sort = stripHtmlPreservingMedia(note.fields[noteType.sortField] ?? '');
  return {
    guid: note.guid,
    deck: note.deck,
    tags: tagString(note.tags),
    flds: note.fields.join(FIELD_SEPARATOR),
    sfld: sort,
    csum: noteType.sortField === 0 ? textChecksum(sort) : fieldChecksum(note.fields[0] ?? ''),
  };
}

/** Builds the `.apkg` bytes: one note and one card per ApkgNote, in order (`due` = 1..N). */
export async function writeApkg(input: ApkgInput): Promise<Uint8Array> {
  const { noteType, notes, time } = input;
  const rows = notes.map((note) => ('flds' in note ? note : prepareNoteRow(note, noteType)));
  const writer = new ApkgWriter(input.sql ?? nativeSql(), {
    noteType,
    decks: rows.map((r) => r.deck),
    count: rows.length,
    time,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  try {
    writer.add(rows);
    return await writer.finish(input.media ?? []);
  } finally {
    writer.close();
  }
}
