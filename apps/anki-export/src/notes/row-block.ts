import type { NoteRow } from '../apkg';

/**
 * A block of note rows as it crosses from a pool thread: the fields' and sort fields' text as
 * UTF-8 in one buffer (moved, not copied), where each ends in `ends` (two per row), checksums in
 * `csums`, GUIDs and tag strings as they are. A few objects to pass instead of a thousand rows.
 */
export interface RowBlock {
  text: ArrayBuffer;
  ends: Uint32Array;
  csums: Float64Array;
  guids: string[];
  tags: string[];
}

/** The rows (their text as strings) packed; `transfer` lists the buffers to move. */
export function packRows(rows: readonly NoteRow[]): { block: RowBlock; transfer: ArrayBuffer[] } {
  let bytes = 0;
  for (const row of rows) {
    bytes += Buffer.byteLength(String(row.flds)) + Buffer.byteLength(String(row.sfld));
  }
  const text = Buffer.allocUnsafeSlow(bytes);
  const ends = new Uint32Array(rows.length * 2);
  const csums = new Float64Array(rows.length);
  const guids: string[] = [];
  const tags: string[] = [];
  let at = 0;
  for (const [i, row] of rows.entries()) {
    at += text.write(String(row.flds), at);
    ends[2 * i] = at;
    at += text.write(String(row.sfld), at);
    ends[2 * i + 1] = at;
    csums[i] = row.csum;
    guids.push(row.guid);
    tags.push(row.tags);
  }
  return {
    block: { text: text.buffer, ends, csums, guids, tags },
    transfer: [text.buffer, ends.buffer, csums.buffer],
  };
}

/** The block's rows in `deck`, their text views into the block's buffer. */
export function unpackRows(block: RowBlock, deck: string): NoteRow[] {
  const { text, ends, csums, guids, tags } = block;
  const rows: NoteRow[] = new Array(guids.length);
  let at = 0;
  for (let i = 0; i < guids.length; i++) {
    const fldsEnd = ends[2 * i] as number;
    const sfldEnd = ends[2 * i + 1] as number;
    rows[i] = {
      guid: guids[i] as string,
      deck,
      tags: tags[i] as string,
      flds: new Uint8Array(text, at, fldsEnd - at),
      sfld: new Uint8Array(text, fldsEnd, sfldEnd - fldsEnd),
      csum: csums[i] as number,
    };
    at = sfldEnd;
  }
  return rows;
}
