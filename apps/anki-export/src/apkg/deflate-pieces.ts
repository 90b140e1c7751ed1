import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

/** Bytes deflated as one piece; larger data is cut into pieces of this size, packed in parallel. */
export const PIECE = 16 << 20;
/** Pieces of a file read and deflating at once: memory stays near this many pieces. */
export const PIECES_IN_FLIGHT = Math.max(2, availableParallelism());

/** An entry's deflated bytes, with the CRC-32 and size of what they hold. */
export interface Packed {
  packed: Buffer;
  crc: number;
  size: number;
}

/**
 * Raw deflate (level 3: on collections near level 6's size in much less time), in pieces of
 * a fixed size deflated on zlib's thread pool at once, as pigz does: every piece but the last ends
 * with a full flush (byte-aligned, not final, no back-references across it), so the pieces
 * concatenate into one valid stream. The cut does not depend on the machine, nor do the bytes.
 * Data of a single piece is deflated on this thread: the same bytes, without waiting on the
 * thread pool, which a first, small export would otherwise notice.
 */
export async function deflate(data: Uint8Array): Promise<Packed> {
  const crc = crc32(data);
  if (data.length <= PIECE) {
    return { packed: deflateRawSync(data, { level: 3 }), crc, size: data.length };
  }
  const pieces: Promise<Buffer>[] = [];
  for (let at = 0; at < data.length; at += PIECE) {
    pieces.push(deflatePiece(data.subarray(at, at + PIECE), at + PIECE >= data.length));
  }
  return { packed: Buffer.concat(await Promise.all(pieces)), crc, size: data.length };
}

/** One piece of deflate()'s stream: the last finishes it. */
export function deflatePiece(piece: Uint8Array, last: boolean): Promise<Buffer> {
  return deflateRawAsync(piece, {
    level: 3,
    finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH,
  });
}
