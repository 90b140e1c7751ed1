import { generateBank } from '@quizdeck/core';
import { describe, expect, it } from 'vitest';
import { ApkgWriter, loadSql, NOTE_TYPE, prepareNotes } from '../src/index';
import { readApkg } from './read-apkg';
import { writeApkg } from './write-apkg';

const T = 1_750_000_000;
const rows = [
  ...prepareNotes({
    bank: generateBank({ count: 70, seed: 'writer' }),
    file: 'generated.json',
    locations: { questions: {} },
    deck: 'Drills::Week 1',
    shuffle: false,
    tags: [],
  }).rows,
  ...prepareNotes({
    bank: { ...generateBank({ count: 30, seed: 'writer-2' }), id: 'second' },
    file: 'second.json',
    locations: { questions: {} },
    deck: 'Other',
    shuffle: false,
    tags: [],
  }).rows,
];

const options = {
  noteType: NOTE_TYPE,
  decks: ['Drills::Week 1', 'Other'],
  count: rows.length,
  time: T,
};

// Anki's schema 11 (anki/storage.py), as every importer expects it.
const SCHEMA: [type: string, name: string, table: string][] = [
  ['table', 'col', 'col'],
  ['table', 'notes', 'notes'],
  ['table', 'cards', 'cards'],
  ['table', 'revlog', 'revlog'],
  ['table', 'graves', 'graves'],
  ['index', 'ix_notes_usn', 'notes'],
  ['index', 'ix_cards_usn', 'cards'],
  ['index', 'ix_revlog_usn', 'revlog'],
  ['index', 'ix_cards_nid', 'cards'],
  ['index', 'ix_cards_sched', 'cards'],
  ['index', 'ix_revlog_cid', 'revlog'],
  ['index', 'ix_notes_csum', 'notes'],
];
const COLUMNS = {
  col: 'id crt mod scm ver dty usn ls conf models decks dconf tags',
  notes: 'id guid mid mod usn tags flds sfld csum flags data',
  cards: 'id nid did ord mod usn type queue due ivl factor reps lapses left odue odid flags data',
  revlog: 'id cid usn ease ivl lastIvl factor time type',
  graves: 'usn oid type',
};

describe('ApkgWriter', () => {
  it('gives the same bytes for notes added in pieces as all at once', async () => {
    const whole = await writeApkg({ noteType: NOTE_TYPE, notes: rows, time: T });
    for (const piece of [7, 33, 100]) {
      const writer = new ApkgWriter(options);
      for (let i = 0; i < rows.length; i += piece) writer.add(rows.slice(i, i + piece));
      expect(Buffer.from(await writer.finish()).equals(Buffer.from(whole))).toBe(true);
    }
    const read = await readApkg(whole);
    expect(read.integrity).toBe('ok');
    expect(read.cards.map((c) => c.due)).toEqual(rows.map((_, i) => i + 1));
  });

  it('writes Anki schema 11 with 16 KiB pages, the col row, one card per note', async () => {
    const read = await readApkg(await writeApkg({ noteType: NOTE_TYPE, notes: rows, time: T }));
    const SQL = await loadSql();
    const db = new SQL.Database(read.collection);
    try {
      const all = (sql: string) => db.exec(sql)[0]?.values ?? [];
      expect(all('SELECT type, name, tbl_name FROM sqlite_master ORDER BY rowid')).toEqual(SCHEMA);
      for (const [table, columns] of Object.entries(COLUMNS)) {
        expect(all(`PRAGMA table_info(${table})`).map((c) => c[1])).toEqual(columns.split(' '));
      }
      expect(all('PRAGMA page_size')).toEqual([[16_384]]);
      expect(all('SELECT id, crt, mod, scm, ver, dty, usn, ls, tags FROM col')).toEqual([
        [1, T, T * 1000, T * 1000, 11, 0, 0, 0, '{}'],
      ]);
      expect(all('SELECT count(*) FROM revlog UNION ALL SELECT count(*) FROM graves')).toEqual([
        [0],
        [0],
      ]);
      expect(all('SELECT DISTINCT mid, usn, flags, data FROM notes')).toEqual([
        [NOTE_TYPE.id, -1, 0, ''],
      ]);
      // New cards: type and queue 0, no scheduling, the note's id and mod.
      expect(
        all(
          "SELECT count(*) FROM cards c JOIN notes n ON n.id = c.nid WHERE c.id = n.id AND c.mod = n.mod AND c.usn = -1 AND c.ord = 0 AND c.type = 0 AND c.queue = 0 AND c.ivl = 0 AND c.factor = 0 AND c.reps = 0 AND c.lapses = 0 AND c.left = 0 AND c.odue = 0 AND c.odid = 0 AND c.flags = 0 AND c.data = ''",
        ),
      ).toEqual([[rows.length]]);
      expect(all('SELECT typeof(flds), typeof(sfld) FROM notes GROUP BY 1, 2')).toEqual([
        ['text', 'text'],
      ]);
    } finally {
      db.close();
    }
    expect(read.notes.map((n) => [n.guid, n.id, n.mod])).toEqual(
      rows.map((r, i) => [r.guid, T * 1000 + i, T]),
    );
  });

  it('keeps given ids and mods, and gives new notes ids that are not taken', async () => {
    const [a, b, c] = rows;
    if (!a || !b || !c) throw new Error('rows missing');
    const taken = new Set([T * 1000, T * 1000 + 2, 42]);
    const writer = new ApkgWriter({ ...options, count: 3, takenIds: taken });
    writer.add([{ ...a }, { ...b, id: 42, mod: T - 500 }, { ...c }]);
    const read = await readApkg(await writer.finish());
    expect(read.notes.map((n) => [n.guid, n.id, n.mod])).toEqual([
      [b.guid, 42, T - 500],
      [a.guid, T * 1000 + 1, T],
      [c.guid, T * 1000 + 3, T],
    ]);
    const due = Object.fromEntries(read.cards.map((card) => [card.id, [card.due, card.mod]]));
    expect(due).toEqual({ 42: [2, T - 500], [T * 1000 + 1]: [1, T], [T * 1000 + 3]: [3, T] });
  });

  it('refuses to finish with fewer notes than announced', async () => {
    const writer = new ApkgWriter(options);
    writer.add(rows.slice(0, 10));
    await expect(writer.finish()).rejects.toThrow(/10 notes added, 100 announced/);
    expect(() => writer.add(rows.slice(10))).toThrow(/after finish or close/);
  });
});

describe('ApkgWriter, contents announced after notes', () => {
  // Rows of many decks: a header too large for its page (it spills), and one that fits.
  const decks = (n: number) =>
    rows.map((r, i) => ({ ...r, deck: `Deck ${i % n} ${'x'.repeat(40)}` }));
  for (const [what, notes] of [
    ['a header that fits its page', decks(2)],
    ['a header that spills out of its page', decks(60)],
  ] as const) {
    it(`gives the same bytes as contents given first, with ${what}`, async () => {
      const whole = await writeApkg({ noteType: NOTE_TYPE, notes, time: T });
      const progress: [number, number][] = [];
      const writer = new ApkgWriter({
        noteType: NOTE_TYPE,
        time: T,
        onProgress: (done, total) => progress.push([done, total]),
      });
      writer.add(notes.slice(0, 40));
      writer.announce({ decks: notes.map((r) => r.deck), count: notes.length });
      writer.add(notes.slice(40));
      expect(Buffer.from(await writer.finish()).equals(Buffer.from(whole))).toBe(true);
      expect(progress).toEqual([]);
    });
  }

  it('refuses to finish unannounced', async () => {
    const writer = new ApkgWriter({ noteType: NOTE_TYPE, time: T });
    writer.add(rows);
    await expect(writer.finish()).rejects.toThrow(/finish before announce/);
  });
});
