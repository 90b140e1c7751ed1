import { generateBank } from '@quizdeck/core';
import { describe, expect, it } from 'vitest';
import { ApkgWriter, loadSql, NOTE_TYPE, nativeSql, prepareNotes, writeApkg } from '../src/index';
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

const options = {
  noteType: NOTE_TYPE,
  decks: ['Drills::Week 1', 'Other'],
  count: rows.length,
  time: T,
};

/**
 * SQLite header fields that name the library version or count its writes, not the content:
 * change counter (24–27), schema cookie (40–43), version-valid-for and library version (92–99).
 */
function withoutVersionFields(file: Uint8Array): Buffer {
  const copy = Buffer.from(file);
  for (const [from, to] of [
    [24, 28],
    [40, 44],
    [92, 100],
  ] as const) {
    copy.fill(0, from, to);
  }
  return copy;
}

describe('ApkgWriter', () => {
  it('gives the same bytes for notes added in pieces as all at once', async () => {
    const whole = await writeApkg({ noteType: NOTE_TYPE, notes: rows, time: T });
    for (const piece of [7, 33, 100]) {
      const writer = new ApkgWriter(nativeSql(), options);
      for (let i = 0; i < rows.length; i += piece) writer.add(rows.slice(i, i + piece));
      expect(Buffer.from(await writer.finish()).equals(Buffer.from(whole))).toBe(true);
    }
    const read = await readApkg(whole);
    expect(read.integrity).toBe('ok');
    expect(read.cards.map((c) => c.due)).toEqual(rows.map((_, i) => i + 1));
  });

  it('writes, through native SQLite, the database sql.js writes', async () => {
    const native = await readApkg(await writeApkg({ noteType: NOTE_TYPE, notes: rows, time: T }));
    const wasm = await readApkg(
      await writeApkg({ noteType: NOTE_TYPE, notes: rows, time: T, sql: await loadSql() }),
    );
    expect(wasm.integrity).toBe('ok');
    expect(native.collection.length).toBe(wasm.collection.length);
    expect(
      withoutVersionFields(native.collection).equals(withoutVersionFields(wasm.collection)),
    ).toBe(true);
    expect(native.notes).toEqual(wasm.notes);
  });

  it('refuses to finish with fewer notes than announced', async () => {
    const writer = new ApkgWriter(nativeSql(), options);
    writer.add(rows.slice(0, 10));
    await expect(writer.finish()).rejects.toThrow(/10 notes added, 100 announced/);
    expect(() => writer.add(rows.slice(10))).toThrow(/after finish or close/);
  });
});
