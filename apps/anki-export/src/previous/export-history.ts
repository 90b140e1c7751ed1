import {
  FIELD_SEPARATOR,
  type NoteRow,
  type NoteTypeSpec,
  type PackagedCollection,
  type PackagedNote,
  prepareNoteRow,
  stripHtmlPreservingMedia,
  tagString,
} from '../apkg';
import { cardContent } from '../card/note-type-versions';
import { AnkiExportError } from '../errors';
import { type IdentityChange, isEditOf } from './identity-guard';

export const RETIRED_TAG = 'quizdeck::retired';

export interface ExportCounts {
  /** Notes of the previous export whose fields or tags change: they get the export time. */
  changed: number;
  /** Notes exactly as in the previous export: they keep its `mod`, so Anki leaves them alone. */
  unchanged: number;
  /** Questions the previous export did not have. */
  new: number;
  /** Notes of questions that are gone, carried over tagged quizdeck::retired. */
  retired: number;
}

// Markup quizdeck never writes into a field (it escapes all question text): a previous package
// holding it was not made by quizdeck, and its notes are not carried into a new one.
const FOREIGN_MARKUP =
  /<\s*\/?\s*(?:script|iframe|object|embed|link|meta|base|form)\b|<[^>]*\son[a-z]+\s*=|javascript:/i;

const decoder = new TextDecoder();
const asText = (value: string | Uint8Array) =>
  typeof value === 'string' ? value : decoder.decode(value);

/**
 * The previous export, as the history of this one: notes that stay the same keep their id and
 * `mod` (Anki then leaves them, and the member's tags and edits, alone), changed ones get the
 * export time, and notes of questions that are gone come along tagged quizdeck::retired.
 */
export class ExportHistory {
  readonly counts: ExportCounts = { changed: 0, unchanged: 0, new: 0, retired: 0 };
  readonly identityChanges: IdentityChange[] = [];
  /** Every note id of the previous export: new notes take others. */
  readonly takenIds: ReadonlySet<number>;
  /** The previous export's time (seconds): a note that changes needs a later one. */
  readonly latest: number;
  readonly #file: string;
  readonly #noteType: NoteTypeSpec;
  readonly #ours = new Map<string, PackagedNote>();
  readonly #field: (name: string) => number;
  #time = 0;

  constructor(file: string, previous: PackagedCollection, noteType: NoteTypeSpec) {
    this.#file = file;
    this.#noteType = noteType;
    this.#field = (name) => noteType.fields.indexOf(name);
    this.takenIds = new Set(previous.notes.map((n) => n.id));
    for (const note of previous.notes)
      if (note.mid === noteType.id) this.#ours.set(note.guid, note);
    this.latest = previous.notes.reduce((t, n) => Math.max(t, n.mod), previous.mod);
    const before = previous.noteTypes.get(noteType.id);
    if (before && before.mod >= noteType.mod && cardContent(before) !== cardContent(noteType)) {
      throw new AnkiExportError(
        'NOTE_TYPE_STALE',
        `${file}: its note type "${before.name}" has other templates, CSS or fields than this one, ` +
          `with a mod (${before.mod}) not older than this one's (${noteType.mod}): Anki would keep ` +
          'the old cards. Add a later entry to apps/anki-export/src/card/note-type-versions.ts.',
      );
    }
  }

  /**
   * Sets the export time. A time from the clock that is not after the previous export's is moved
   * to one second after it (returned); a fixed one (SOURCE_DATE_EPOCH) is kept, and refused as
   * soon as a note has to change.
   */
  settle(time: number, fixed: boolean): number {
    this.#time = fixed || time > this.latest ? time : this.latest + 1;
    return this.#time;
  }

  #changes(): number {
    if (this.#time <= this.latest) {
      throw new AnkiExportError(
        'EXPORT_TIME',
        `SOURCE_DATE_EPOCH=${this.#time} is not later than the previous export ${this.#file} ` +
          `(${this.latest}), and notes changed: Anki would skip them on import ("skipped"), so the ` +
          `fix would reach no one. Set SOURCE_DATE_EPOCH to a later time (e.g. \`git log -1 --format=%ct\`) or unset it.`,
      );
    }
    return this.#time;
  }

  /** Gives each row the id and `mod` it keeps from the previous export, or the export time. */
  stamp(rows: readonly NoteRow[]): void {
    for (const row of rows) {
      const before = this.#ours.get(row.guid);
      if (!before) {
        // A GUID the previous export gave a note of another type: a new note, with a new id.
        this.counts.new++;
        continue;
      }
      row.id = before.id;
      const flds = asText(row.flds);
      if (row.tags === before.tags && flds === before.fields.join(FIELD_SEPARATOR)) {
        row.mod = before.mod;
        this.counts.unchanged++;
        continue;
      }
      row.mod = this.#changes();
      this.counts.changed++;
      this.#checkIdentity(before.fields, flds.split(FIELD_SEPARATOR));
    }
  }

  #checkIdentity(was: readonly string[], now: readonly string[]): void {
    const question = (fields: readonly string[]) => ({
      prompt: fields[this.#field('Question')] ?? '',
      // The option letters (A., B., …) are the same in any question: only the texts count.
      options: (fields[this.#field('Options')] ?? '').replace(
        /<span class="qd-letter">[^<]*<\/span>/g,
        '',
      ),
    });
    const [before, after] = [question(was), question(now)];
    if (isEditOf(before, after)) return;
    this.identityChanges.push({
      id: stripHtmlPreservingMedia(now[this.#field('Id')] ?? ''),
      was: stripHtmlPreservingMedia(before.prompt).trim(),
      now: stripHtmlPreservingMedia(after.prompt).trim(),
    });
  }

  /**
   * Rows for the previous export's notes whose GUID is not among `exported`, tagged
   * quizdeck::retired; `deck` gives each its deck name in this package.
   */
  retired(exported: ReadonlySet<string>, deck: (name: string) => string): NoteRow[] {
    const rows: NoteRow[] = [];
    for (const before of this.#ours.values()) {
      if (exported.has(before.guid)) continue;
      const where = `${this.#file}: note ${before.guid}`;
      if (before.fields.length !== this.#noteType.fields.length) {
        throw new AnkiExportError(
          'PREVIOUS_FIELDS',
          `${where} has ${before.fields.length} fields, the note type ${this.#noteType.fields.length}`,
        );
      }
      if (before.fields.some((f) => FOREIGN_MARKUP.test(f))) {
        throw new AnkiExportError(
          'PREVIOUS_MARKUP',
          `${where} holds markup quizdeck never writes (a script or an event handler): not a quizdeck export`,
        );
      }
      const tags = [...before.tags.split(' ').filter(Boolean), RETIRED_TAG];
      const row = prepareNoteRow(
        { guid: before.guid, deck: deck(before.deck), fields: before.fields, tags },
        this.#noteType,
      );
      row.id = before.id;
      row.mod = tagString(tags) === before.tags ? before.mod : this.#changes();
      this.counts.retired++;
      rows.push(row);
    }
    return rows;
  }
}
