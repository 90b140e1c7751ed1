import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { crc32Combine } from './crc32-combine';
import { deflate, deflatePiece, type Packed, PIECE, PIECES_IN_FLIGHT } from './deflate-pieces';

interface Piece {
  packed: Buffer;
  crc: number;
  length: number;
}

/**
 * deflate() of a file's bytes, the same output, holding only a few pieces in memory at once. Pieces
 * whose bytes are final can be started while the file is still being written (startBefore):
 * they deflate on zlib's thread pool while this thread writes the rest.
 */
export class FileDeflate {
  readonly #file: string;
  readonly #patch: ((first: Buffer) => void) | undefined;
  /** Pieces started early, by index. */
  readonly #early = new Map<number, Promise<Piece>>();

  /** `patch` may change the first piece's bytes (read last) before they are packed. */
  constructor(file: string, patch?: (first: Buffer) => void) {
    this.#file = file;
    this.#patch = patch;
  }

  /**
   * Starts on the pieces after the first that lie wholly before byte `end`, which must not change
   * any more (nor the file shrink below it): read asynchronously, a few at a time.
   */
  startBefore(end: number): void {
    const started: Promise<Piece>[] = [];
    for (let i = 1; (i + 1) * PIECE <= end; i++) {
      const turn = started[started.length - PIECES_IN_FLIGHT] ?? Promise.resolve();
      const piece = turn.then(() => this.#readEarly(i));
      piece.catch(() => {}); // awaited by finish(), or dropped with the file
      started.push(piece);
      this.#early.set(i, piece);
    }
  }

  async #readEarly(i: number): Promise<Piece> {
    const handle = await open(this.#file, 'r');
    try {
      const bytes = Buffer.allocUnsafe(PIECE);
      for (let read = 0; read < PIECE; ) {
        const { bytesRead } = await handle.read(bytes, read, PIECE - read, i * PIECE + read);
        if (bytesRead === 0) throw new Error(`${this.#file}: shorter than piece ${i}`);
        read += bytesRead;
      }
      return { packed: await deflatePiece(bytes, false), crc: crc32(bytes), length: PIECE };
    } finally {
      await handle.close();
    }
  }

  /** The whole file deflated. */
  async finish(): Promise<Packed> {
    const patch = this.#patch;
    const file = this.#file;
    const size = statSync(file).size;
    const fd = openSync(file, 'r');
    try {
      const read = (at: number) => {
        const piece = Buffer.allocUnsafe(Math.min(PIECE, size - at));
        for (let done = 0; done < piece.length; ) {
          const n = readSync(fd, piece, done, piece.length - done, at + done);
          if (n === 0) throw new Error(`${file}: shorter than ${size} bytes`);
          done += n;
        }
        if (at === 0) patch?.(piece);
        return piece;
      };
      if (size <= PIECE) return deflate(read(0));
      let crc = 0;
      const done: Buffer[] = [];
      const inFlight: Promise<Piece>[] = [];
      const take = async () => {
        const piece = await (inFlight.shift() as Promise<Piece>);
        crc = done.length === 0 ? piece.crc : crc32Combine(crc, piece.crc, piece.length);
        done.push(piece.packed);
      };
      for (let i = 0; i * PIECE < size; i++) {
        const early = this.#early.get(i);
        if (early) inFlight.push(early);
        else {
          const bytes = read(i * PIECE);
          const packed = deflatePiece(bytes, (i + 1) * PIECE >= size);
          inFlight.push(
            packed.then((p) => ({ packed: p, crc: crc32(bytes), length: bytes.length })),
          );
        }
        if (inFlight.length >= PIECES_IN_FLIGHT) await take();
      }
      while (inFlight.length > 0) await take();
      return { packed: Buffer.concat(done), crc, size };
    } finally {
      closeSync(fd);
    }
  }
}
