import { describe, expect, it } from 'vitest';
import type { NoteRow } from '../src/index';
import { packRows, unpackRows } from '../src/notes/row-block';

const text = (v: string | Uint8Array) => (typeof v === 'string' ? v : Buffer.from(v).toString());

describe('packRows / unpackRows', () => {
  it('gives back each row, its text as UTF-8 views into one moved buffer, in the deck', () => {
    const rows: NoteRow[] = [
      { guid: 'g1', deck: '', tags: ' a b ', flds: 'Q\u001fA', sfld: 'Q', csum: 4_294_967_295 },
      { guid: 'g2', deck: '', tags: '', flds: 'Ünïcödé ✓ 𝛼\u001f', sfld: '', csum: 0 },
      { guid: 'g3', deck: '', tags: ' x ', flds: '', sfld: 'só', csum: 12 },
    ];
    const { block, transfer } = packRows(rows);
    expect(transfer).toContain(block.text);
    const back = unpackRows(structuredClone(block, { transfer }), 'Deck::Sub');
    expect(block.text.byteLength).toBe(0); // moved
    expect(back.map((r) => ({ ...r, flds: text(r.flds), sfld: text(r.sfld) }))).toEqual(
      rows.map((r) => ({ ...r, deck: 'Deck::Sub' })),
    );
    expect(new Set(back.map((r) => (r.flds as Uint8Array).buffer)).size).toBe(1);
  });

  it('packs text of any width byte for byte, growing past its room for ASCII', () => {
    // Runs of 1- to 4-byte characters, mostly wide ones so the buffer (sized for ASCII) must grow
    // mid-text, and empty texts.
    const pieces = ['a', 'é', '✓', '𝛼', '\u001f', ''];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    const randomText = () => {
      let s = '';
      const length = next() % 40;
      for (let i = 0; i < length; i++)
        s += (pieces[next() % pieces.length] as string).repeat(next() % 9);
      return s;
    };
    for (let round = 0; round < 200; round++) {
      const rows: NoteRow[] = Array.from({ length: next() % 12 }, (_, i) => ({
        guid: `g${i}`,
        deck: '',
        tags: '',
        flds: randomText(),
        sfld: randomText(),
        csum: i,
      }));
      const back = unpackRows(packRows(rows).block, 'D');
      for (const [i, row] of back.entries()) {
        const original = rows[i] as NoteRow;
        expect(Buffer.from(row.flds as Uint8Array)).toEqual(Buffer.from(String(original.flds)));
        expect(Buffer.from(row.sfld as Uint8Array)).toEqual(Buffer.from(String(original.sfld)));
      }
    }
  });
});
