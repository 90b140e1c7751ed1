import { COLLECTION_INDEXES, collectionTemplate } from './collection-template';
import { Exporter } from './exporter';
import { deckId, fieldChecksum, schemaId, stripHtmlPreservingMedia, textChecksum } from './ids';
import { presizedSql } from './presized-sql';
import { loadSql } from './sql';
import { zipEntries } from './zip';

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
  /** Fields joined with U+001F, UTF-8. */
  flds: Uint8Array;
  /** Sort field without HTML, UTF-8. */
  sfld: Uint8Array;
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
}

const FIELD_SEPARATOR = '\u001f';
const PROGRESS_EVERY = 10_000;

/** Anki wants every parent of `A::B::C` to exist as a deck too. */
function deckNames(notes: readonly { deck: string }[]): string[] {
  const names = new Set<string>();
  for (const note of notes) {
    const parts = note.deck.split('::');
    for (let i = 1; i <= parts.length; i++) names.add(parts.slice(0, i).join('::'));
  }
  return [...names];
}

function deckJson(id: number, name: string, mod: number) {
  return {
    id,
    name,
    mod,
    usn: -1,
    desc: '',
    dyn: 0,
    conf: 1,
    collapsed: false,
    browserCollapsed: false,
    extendNew: 0,
    extendRev: 0,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

function modelJson(spec: NoteTypeSpec, did: number) {
  return {
    id: spec.id,
    name: spec.name,
    type: 0,
    mod: spec.mod,
    usn: -1,
    sortf: spec.sortField,
    did,
    tmpls: spec.templates.map((t, ord) => ({
      name: t.name,
      ord,
      id: schemaId(spec.id, 'template', t.name),
      qfmt: t.qfmt,
      afmt: t.afmt,
      bqfmt: '',
      bafmt: '',
      did: null,
      bfont: '',
      bsize: 0,
    })),
    flds: spec.fields.map((name, ord) => ({
      name,
      ord,
      id: schemaId(spec.id, 'field', name),
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
    })),
    css: spec.css,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    req: [[0, 'any', [spec.sortField]]],
    tags: [],
    vers: [],
  };
}

const DECK_OPTIONS = {
  1: {
    id: 1,
    name: 'Default',
    mod: 0,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: {
      bury: true,
      delays: [1, 10],
      initialFactor: 2500,
      ints: [1, 4, 7],
      order: 1,
      perDay: 20,
    },
    lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
    rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, perDay: 100, minSpace: 1 },
  },
};

function tagString(tags: readonly string[]): string {
  const clean = [...new Set(tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean))];
  return clean.length ? ` ${clean.join(' ')} ` : '';
}

const utf8 = new TextEncoder();

/**
 * The per-note work of writing a package, done ahead (on any thread): Anki's sort field and
 * checksum, the tag string, and the text as UTF-8 (sql.js encodes bound strings in a JavaScript
 * loop; bytes cast back to TEXT in SQL skip that). Each array owns its buffer, so it can be
 * transferred between threads.
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
    flds: utf8.encode(note.fields.join(FIELD_SEPARATOR)),
    sfld: utf8.encode(sort),
    csum: noteType.sortField === 0 ? textChecksum(sort) : fieldChecksum(note.fields[0] ?? ''),
  };
}

/** Builds the `.apkg` bytes: one note and one card per ApkgNote, in order (`due` = 1..N). */
export async function writeApkg(input: ApkgInput): Promise<Uint8Array> {
  const { noteType, notes, time } = input;
  const sql = await loadSql();
  const names = deckNames(notes);
  const decks: Record<string, ReturnType<typeof deckJson>> = {
    1: deckJson(1, 'Default', time),
  };
  for (const name of names) decks[deckId(name)] = deckJson(deckId(name), name, time);
  const topDeck = names[0] ?? 'Default';
  const models = { [noteType.id]: modelJson(noteType, deckId(topDeck)) };
  const conf = {
    nextPos: notes.length + 1,
    estTimes: true,
    activeDecks: [1],
    sortType: 'noteFld',
    timeLim: 0,
    sortBackwards: false,
    addToCur: true,
    curDeck: 1,
    newBury: true,
    newSpread: 0,
    dueCounts: true,
    curModel: String(noteType.id),
    collapseTime: 1200,
  };
  const header = { crt: time, mod: time * 1000, conf, models, decks, dconf: DECK_OPTIONS };
  const rows = notes.map((note) => ('flds' in note ? note : prepareNoteRow(note, noteType)));
  // The collection is about its note text plus ~300 bytes of row, card and index entries per note.
  const expected = rows.reduce((n, r) => n + r.flds.length + r.sfld.length + 300, 1 << 20);
  const exporter = new Exporter(topDeck, {
    template: collectionTemplate(header),
    sql: presizedSql(sql, Math.ceil(expected * 1.2)),
  });
  const { db } = exporter;
  try {
    // The Exporter renames our last deck and note type to Date.now() ids; put the stable ones back.
    db.run('UPDATE col SET models = ?, decks = ? WHERE id = 1', [
      JSON.stringify(models),
      JSON.stringify(decks),
    ]);
    db.run('BEGIN');
    // The model id and the time are the same for every note: in the SQL, not bound per row.
    const insertNote = db.prepare(
      `INSERT INTO notes VALUES (?,?,${integer(noteType.id)},${integer(time)},-1,?,CAST(? AS TEXT),CAST(? AS TEXT),?,0,'')`,
    );
    // Ids are creation times in ms (Anki shows them as "Created"); one per note keeps them unique.
    const baseId = time * 1000;
    rows.forEach((row, i) => {
      insertNote.run([baseId + i, row.guid, row.tags, row.flds, row.sfld, row.csum]);
      if ((i + 1) % PROGRESS_EVERY === 0) input.onProgress?.(i + 1, notes.length);
    });
    insertNote.free();
    // One new card per note, due in note order (1..N); one statement per run of same-deck notes.
    const insertCards = db.prepare(
      "INSERT INTO cards SELECT id, id, ?, 0, mod, -1, 0, 0, id - ? + 1, 0, 0, 0, 0, 0, 0, 0, 0, '' FROM notes WHERE id BETWEEN ? AND ?",
    );
    let start = 0;
    notes.forEach((note, i) => {
      if (notes[i + 1]?.deck === note.deck) return;
      insertCards.run([deckId(note.deck), baseId, baseId + start, baseId + i]);
      start = i + 1;
    });
    insertCards.free();
    // Indexes in the same transaction: built once, and the file does not grow after the commit.
    db.exec(COLLECTION_INDEXES);
    db.run('COMMIT');
    return pack(exporter, db.export(), input.media ?? [], time);
  } finally {
    db.close();
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
): Uint8Array {
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
