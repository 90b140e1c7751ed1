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
});
