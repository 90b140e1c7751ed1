import { crc32, inflateRawSync } from 'node:zlib';

/** A zip that cannot be read; the message is one line, for the user. */
export class ZipReadError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function endOfDirectory(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= stop; at--) {
    if (zip.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipReadError('not a zip file');
}

/**
 * One entry of a zip held in memory, inflated in memory (nothing is written to disk), or undefined
 * when the zip has no entry of that name. The zip is untrusted: every offset is checked, the
 * entry may not inflate past `maxBytes`, and its size and CRC must match what the zip says.
 */
export function readZipEntry(
  bytes: Uint8Array,
  name: string,
  maxBytes: number,
): Buffer | undefined {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (zip.length < 22) throw new ZipReadError('not a zip file');
  const end = endOfDirectory(zip);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const wanted = Buffer.from(name, 'utf8');
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) {
      throw new ZipReadError('damaged zip file (central directory)');
    }
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.subarray(at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (!entryName.equals(wanted)) continue;
    if (packed === 0xffffffff || size === 0xffffffff) {
      throw new ZipReadError(`${name} is stored as ZIP64, which quizdeck does not read`);
    }
    if (size > maxBytes) throw new ZipReadError(`${name} is larger than ${maxBytes} bytes`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) {
      throw new ZipReadError('damaged zip file (entry header)');
    }
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + packed > zip.length)
      throw new ZipReadError(`damaged zip file (${name} is cut off)`);
    const data = zip.subarray(start, start + packed);
    let out: Buffer;
    if (method === 0) out = data;
    else if (method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
      } catch {
        throw new ZipReadError(`damaged zip file (${name} does not inflate to its size)`);
      }
    } else throw new ZipReadError(`${name} is compressed with method ${method}, not deflate`);
    if (out.length !== size || crc32(out) !== crc) {
      throw new ZipReadError(`damaged zip file (${name} fails its size or CRC check)`);
    }
    return out;
  }
  return undefined;
}
