import { fieldChecksum, textChecksum } from './ids';
import { stripHtmlPreservingMedia } from './strip-html';

export interface NoteTypeSpec {
  /** Constant per note-type version: Anki updates a note type in place only when the id matches. */
  id: number;
  name: string;
  /** Seconds: Anki applies the templates and CSS only when this is newer than what it has. */
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
  /** Note id; by default a new one from the export time. A note of a previous export keeps its. */
  id?: number;
  /** Seconds; by default the export time. Anki updates a note only when this is newer. */
  mod?: number;
}

export interface ApkgMedia {
  name: string;
  data: Uint8Array;
}

export const FIELD_SEPARATOR = '\u001f';

const SPACE = /\s/;

/** Tags as Anki can hold them: spaces in a tag become `_`, empty tags and repeats go. */
export function ankiTags(tags: readonly string[]): string[] {
  // A note has a handful of tags: looking back through them costs less than a Set, up to a point.
  const few = tags.length <= 32;
  const clean: string[] = [];
  const seen = few ? undefined : new Set<string>();
  for (const tag of tags) {
    const t = SPACE.test(tag) ? tag.trim().replace(/\s+/g, '_') : tag;
    if (t === '' || (seen ? seen.has(t) : clean.includes(t))) continue;
    seen?.add(t);
    clean.push(t);
  }
  return clean;
}

/** Anki's tag string (` a b `) of ankiTags. */
export function tagString(tags: readonly string[]): string {
  const clean = ankiTags(tags);
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
