import type { Diagnostic } from '../model/diagnostic';

/**
 * Banks larger than this are refused, so reading one stays within memory: 160 MiB holds one file of
 * 100,000 generated drills in the largest format, JSON (about 150 MiB; see docs/formats.md).
 */
export const MAX_BANK_BYTES = 160 * 1024 * 1024;

export type Decoded =
  | { text: string; diagnostics: [] }
  | { text: undefined; diagnostics: Diagnostic[] };

const fail = (file: string, line: number, code: string, message: string): Decoded => ({
  text: undefined,
  diagnostics: [{ file, line, col: 1, severity: 'error', code, message }],
});

const lineOf = (bytes: Uint8Array, end: number): number => {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) line++;
  return line;
};

/** Offset of the first byte that is not valid UTF-8, or -1. Only run once decoding has failed. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const len =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/** UTF-8 size of a string (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The message for a bank over the limit; `bytes` may be a lower bound ("more than"). */
export const bankSizeMessage = (bytes: number, atLeast = false) =>
  `file is ${atLeast ? 'more than ' : ''}${(bytes / 1024 / 1024).toFixed(1)} MiB; a bank may be at most ${MAX_BANK_BYTES / 1024 / 1024} MiB (${MAX_BANK_BYTES.toLocaleString('en-US')} bytes)`;

/** Turns raw input into text, refusing oversized, binary and non-UTF-8 input with file:line. */
export function decodeBank(input: string | Uint8Array, file: string): Decoded {
  let text: string;
  if (typeof input === 'string') {
    // A UTF-16 string is at least as many UTF-8 bytes as it has code units, at most three times as
    // many: only a string in between needs its UTF-8 size counted.
    if (input.length > MAX_BANK_BYTES)
      return fail(file, 1, 'too-large', bankSizeMessage(input.length));
    if (input.length * 3 > MAX_BANK_BYTES) {
      const bytes = utf8Length(input);
      if (bytes > MAX_BANK_BYTES) return fail(file, 1, 'too-large', bankSizeMessage(bytes));
    }
    text = input;
  } else {
    if (input.length > MAX_BANK_BYTES)
      return fail(file, 1, 'too-large', bankSizeMessage(input.length));
    if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
      return fail(file, 1, 'encoding', 'file is UTF-16; save it as UTF-8');
    }
    // A NUL byte is reported before invalid UTF-8. It decodes to U+0000 and is never part of a
    // longer sequence, so the bytes are searched (slower than the text) only when one is there.
    let decoded: string | undefined;
    try {
      decoded = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {}
    if (decoded === undefined || decoded.includes('\0')) {
      const nul = input.indexOf(0);
      if (nul !== -1) {
        return fail(file, lineOf(input, nul), 'binary', `binary file (NUL byte at offset ${nul})`);
      }
    }
    if (decoded === undefined) {
      const at = firstInvalidUtf8(input);
      return fail(file, lineOf(input, Math.max(at, 0)), 'encoding', `invalid UTF-8 (byte ${at})`);
    }
    text = decoded;
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const line = text.slice(0, nul).split('\n').length;
    return fail(file, line, 'binary', `binary file (NUL character at offset ${nul})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '')
    return fail(file, 1, 'empty', 'empty file: a bank needs at least one question');
  return { text, diagnostics: [] };
}
