// The JSON Anki keeps in the collection's `col` row: decks, the note type, options.
import type { CollectionHeader } from './collection-template';
import { DEFAULT_DECK, deckId, schemaId } from './ids';
import type { NoteTypeSpec } from './note-row';

/** Anki wants every parent of `A::B::C` to exist as a deck too. */
function deckNames(decks: readonly string[]): string[] {
  const names = new Set<string>();
  for (const deck of decks) {
    const parts = deck.split('::');
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

export interface CollectionJson {
  header: CollectionHeader;
  /** The first top-level deck: the note type's default deck. */
  topDeck: string;
}

/**
 * The `col` row for notes in `decks` (in note order; parents are added), `count` notes in all, at
 * `time` (seconds).
 */
export function collectionJson(
  noteType: NoteTypeSpec,
  decks: readonly string[],
  count: number,
  time: number,
): CollectionJson {
  const names = deckNames(decks);
  // Anki's deck names are case-insensitive: two that differ in case only are one deck to it, and
  // its upgrade renames one of them at random.
  const folded = new Map<string, string>([[DEFAULT_DECK.name.toLowerCase(), DEFAULT_DECK.name]]);
  for (const name of names) {
    const other = folded.get(name.toLowerCase());
    if (other !== undefined && other !== name) {
      throw new RangeError(`decks "${other}" and "${name}" differ in case only`);
    }
    folded.set(name.toLowerCase(), name);
  }
  const deckRows: Record<string, ReturnType<typeof deckJson>> = {
    [DEFAULT_DECK.id]: deckJson(DEFAULT_DECK.id, DEFAULT_DECK.name, time),
  };
  for (const name of names) deckRows[deckId(name)] = deckJson(deckId(name), name, time);
  const topDeck = names[0] ?? DEFAULT_DECK.name;
  const models = { [noteType.id]: modelJson(noteType, deckId(topDeck)) };
  const conf = {
    nextPos: count + 1,
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
  return {
    header: { crt: time, mod: time * 1000, conf, models, decks: deckRows, dconf: DECK_OPTIONS },
    topDeck,
  };
}
