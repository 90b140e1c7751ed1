// Test helper: a whole package from notes at once (the export streams them into ApkgWriter).
import {
  type ApkgMedia,
  type ApkgNote,
  ApkgWriter,
  type NoteRow,
  type NoteTypeSpec,
  prepareNoteRow,
} from '../src/index';

export interface ApkgInput {
  noteType: NoteTypeSpec;
  notes: readonly (ApkgNote | NoteRow)[];
  media?: readonly ApkgMedia[];
  /** Export time in seconds. */
  time: number;
}

/** The `.apkg` bytes: one note and one card per note, in order (`due` = 1..N). */
export async function writeApkg(input: ApkgInput): Promise<Uint8Array> {
  const { noteType, notes, time } = input;
  const rows = notes.map((note) => ('flds' in note ? note : prepareNoteRow(note, noteType)));
  const writer = new ApkgWriter({
    noteType,
    decks: rows.map((r) => r.deck),
    count: rows.length,
    time,
  });
  try {
    writer.add(rows);
    return await writer.finish(input.media ?? []);
  } finally {
    writer.close();
  }
}
