import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';

/** Why a file was not read, in words for a diagnostic; `code` says which rule refused it. */
export class FileRefusal {
  constructor(
    readonly code: 'read' | 'too-large' | 'outside',
    readonly message: string,
  ) {}
}

export type ReadBytes = { bytes: Uint8Array; path: string } | FileRefusal;

/**
 * True when `path` is `folder` or lies under it, compared as written: pass real paths where a
 * symlink must not lead out.
 */
export const isInside = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

const errnoMessage = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return (error as Error).message ?? String(error);
};

// Non-blocking, so that opening a FIFO returns at once (and is then refused by its type).
export const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

const kindProblem = (info: { isFile(): boolean; isDirectory(): boolean }, what: string) =>
  info.isDirectory()
    ? new FileRefusal('read', `is a folder, not ${what}`)
    : info.isFile()
      ? undefined
      : new FileRefusal('read', 'is not a regular file (a device, FIFO or socket); it is not read');

export interface ReadLimits {
  /** Real path of the folder the file (and any symlink on its way) must stay in. */
  folder: string;
  /** At most this many bytes are read; a longer file is refused. */
  maxBytes: number;
  tooLarge: (bytes: number, atLeast: boolean) => string;
  outside: string;
  /** What the file should be, for "is a folder, not …". */
  what: string;
}

/**
 * Fills a buffer that grows as needed, up to maxBytes + 1 bytes (so "too large" is seen without
 * reading more): yields where to read next, is given how many bytes came.
 */
function* fill(sizeHint: number, max: number): Generator<[Uint8Array, number], Uint8Array, number> {
  let buffer = new Uint8Array(Math.min(sizeHint, max) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > max) break;
      const bigger = new Uint8Array(Math.min(buffer.length * 2, max + 1));
      bigger.set(buffer);
      buffer = bigger;
    }
    const n = yield [buffer, length];
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

function limitProblem(bytes: Uint8Array, limits: ReadLimits): FileRefusal | undefined {
  return bytes.length > limits.maxBytes
    ? new FileRefusal('too-large', limits.tooLarge(limits.maxBytes, true))
    : undefined;
}

/**
 * Reads a regular file that stays inside `limits.folder` (symlinks followed only while they do),
 * at most `maxBytes`. Never throws: a refusal says why.
 */
export async function readRegularFile(path: string, limits: ReadLimits): Promise<ReadBytes> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    return new FileRefusal('read', errnoMessage(error));
  }
  if (!isInside(limits.folder, real)) return new FileRefusal('outside', limits.outside);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(real, READ_FLAGS);
    const info = await handle.stat();
    const kind = kindProblem(info, limits.what);
    if (kind) return kind;
    if (info.size > limits.maxBytes) {
      return new FileRefusal('too-large', limits.tooLarge(info.size, false));
    }
    const reads = fill(info.size, limits.maxBytes);
    let step = reads.next();
    while (!step.done) {
      const [buffer, offset] = step.value;
      step = reads.next(
        (await handle.read(buffer, offset, buffer.length - offset, null)).bytesRead,
      );
    }
    const bytes = step.value;
    return limitProblem(bytes, limits) ?? { bytes, path: real };
  } catch (error) {
    return new FileRefusal('read', errnoMessage(error));
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** `readRegularFile` for synchronous callers. */
export function readRegularFileSync(path: string, limits: ReadLimits): ReadBytes {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    return new FileRefusal('read', errnoMessage(error));
  }
  if (!isInside(limits.folder, real)) return new FileRefusal('outside', limits.outside);
  let fd: number | undefined;
  try {
    fd = openSync(real, READ_FLAGS);
    const info = fstatSync(fd);
    const kind = kindProblem(info, limits.what);
    if (kind) return kind;
    if (info.size > limits.maxBytes) {
      return new FileRefusal('too-large', limits.tooLarge(info.size, false));
    }
    const reads = fill(info.size, limits.maxBytes);
    let step = reads.next();
    while (!step.done) {
      const [buffer, offset] = step.value;
      step = reads.next(readSync(fd, buffer, offset, buffer.length - offset, null));
    }
    const bytes = step.value;
    return limitProblem(bytes, limits) ?? { bytes, path: real };
  } catch (error) {
    return new FileRefusal('read', errnoMessage(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The real path of a folder, or the folder as given when it cannot be resolved. */
export async function realFolder(folder: string): Promise<string> {
  return realpath(folder).catch(() => folder);
}

export function realFolderSync(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}
