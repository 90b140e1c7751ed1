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
  let chars = 0;
  for (const row of rows) chars += String(row.flds).length + String(row.sfld).length;
  // Each text is encoded once, into room for mostly ASCII text (a byte per character and a
  // sixteenth more): measuring every text first cost as much as writing it.
  const text = new Utf8Writer(chars + (chars >> 4) + 64);
  const ends = new Uint32Array(rows.length * 2);
  const csums = new Float64Array(rows.length);
  const guids: string[] = [];
  const tags: string[] = [];
  for (const [i, row] of rows.entries()) {
    ends[2 * i] = text.write(String(row.flds));
    ends[2 * i + 1] = text.write(String(row.sfld));
    csums[i] = row.csum;
    guids.push(row.guid);
    tags.push(row.tags);
  }
  const buffer = text.buffer();
  return {
    block: { text: buffer, ends, csums, guids, tags },
    transfer: [buffer, ends.buffer, csums.buffer],
  };
}

/** Texts written one after another as UTF-8 into a buffer that grows when one does not fit. */
class Utf8Writer {
  #bytes: Buffer;
  #at = 0;

  constructor(size: number) {
    this.#bytes = Buffer.allocUnsafeSlow(size);
  }

  /** Writes the text; returns where it ends. */
  write(s: string): number {
    const room = this.#bytes.length - this.#at;
    let n = this.#bytes.write(s, this.#at);
    // Buffer.write stops before a character that does not fit (at most 4 bytes): with 4 bytes or
    // more left, the text was written whole.
    if (n + 4 > room && n !== Buffer.byteLength(s)) {
      const need = this.#at + Buffer.byteLength(s);
      const grown = Buffer.allocUnsafeSlow(Math.max(need, 2 * this.#bytes.length));
      this.#bytes.copy(grown, 0, 0, this.#at);
      this.#bytes = grown;
      n = grown.write(s, this.#at);
    }
    this.#at += n;
    return this.#at;
  }

  /** The whole buffer (texts are found by where they end; the room after the last is unused). */
  buffer(): ArrayBuffer {
    return this.#bytes.buffer as ArrayBuffer;
  }
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
