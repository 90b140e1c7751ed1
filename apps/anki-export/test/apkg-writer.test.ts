import { generateBank } from '@quizdeck/core';
import { describe, expect, it } from 'vitest';
import {
  ApkgWriter,
  estimateCollectionBytes,
  loadSql,
  NOTE_TYPE,
  prepareNotes,
  writeApkg,
} from '../src/index';
import { readApkg } from './read-apkg';

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

describe('ApkgWriter', () => {
  it('gives the same bytes for notes added in pieces, whatever the size guess', async () => {
    const whole = await writeApkg({ noteType: NOTE_TYPE, notes: rows, time: T });
    const sql = await loadSql();
    for (const [piece, expectedBytes] of [
      [7, 10_000],
      [33, estimateCollectionBytes(rows, rows.length)],
      [100, 50_000_000],
    ] as const) {
      const writer = new ApkgWriter(sql, {
        noteType: NOTE_TYPE,
        decks: ['Drills::Week 1', 'Other'],
        count: rows.length,
        time: T,
        expectedBytes,
      });
      for (let i = 0; i < rows.length; i += piece) writer.add(rows.slice(i, i + piece));
      expect(Buffer.from(await writer.finish()).equals(Buffer.from(whole))).toBe(true);
    }
    const read = await readApkg(whole);
    expect(read.cards.map((c) => c.due)).toEqual(rows.map((_, i) => i + 1));
  });

  it('refuses to finish with fewer notes than announced', async () => {
    const writer = new ApkgWriter(await loadSql(), {
      noteType: NOTE_TYPE,
      decks: ['Drills::Week 1'],
      count: rows.length,
      time: T,
      expectedBytes: 1_000_000,
    });
    writer.add(rows.slice(0, 10));
    await expect(writer.finish()).rejects.toThrow(/10 notes added, 100 announced/);
    expect(() => writer.add(rows.slice(10))).toThrow(/after finish or close/);
  });
});
