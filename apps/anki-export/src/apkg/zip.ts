import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

// JSZip (what Exporter.save uses) deflates in JavaScript, slower than node:zlib (docs/anki.md);
// this writes the same ZIP format with zlib and fixed timestamps.

const deflateRawAsync = promisify(deflateRaw);

/** Bytes deflated as one piece; larger data is cut into pieces of this size, packed in parallel. */
const PIECE = 16 << 20;
/** Pieces of a file read and deflating at once: memory stays near this many pieces. */
const PIECES_IN_FLIGHT = Math.max(2, availableParallelism());

/** An entry's bytes in memory, or a file's, read a piece at a time. */
export type ZipEntry = { name: string; data: Uint8Array } | { name: string; file: string };

interface Packed {
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
async function deflate(data: Uint8Array): Promise<Packed> {
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

function deflatePiece(piece: Uint8Array, last: boolean): Promise<Buffer> {
  return deflateRawAsync(piece, {
    level: 3,
    finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH,
  });
}

/** deflate() of a file's bytes, the same output, holding only a few pieces in memory at once. */
async function deflateFile(file: string): Promise<Packed> {
  const size = statSync(file).size;
  if (size <= PIECE) return deflate(readFileSync(file));
  const fd = openSync(file, 'r');
  try {
    let crc = 0;
    const done: Buffer[] = [];
    const inFlight: Promise<Buffer>[] = [];
    for (let at = 0; at < size; at += PIECE) {
      const piece = Buffer.allocUnsafe(Math.min(PIECE, size - at));
      for (let read = 0; read < piece.length; ) {
        const n = readSync(fd, piece, read, piece.length - read, at + read);
        if (n === 0) throw new Error(`${file}: shorter than ${size} bytes`);
        read += n;
      }
      crc = crc32(piece, crc);
      inFlight.push(deflatePiece(piece, at + PIECE >= size));
      if (inFlight.length >= PIECES_IN_FLIGHT)
        done.push(await (inFlight.shift() as Promise<Buffer>));
    }
    done.push(...(await Promise.all(inFlight)));
    return { packed: Buffer.concat(done), crc, size };
  } finally {
    closeSync(fd);
  }
}

function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** A ZIP archive (no ZIP64: each entry and the whole file stay under 4 GB). */
export async function zipEntries(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  const { time, day } = dosDateTime(date);
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { packed, crc, size } = await ('file' in entry
      ? deflateFile(entry.file)
      : deflate(entry.data));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(day, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
