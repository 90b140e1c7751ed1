import { dirname, isAbsolute, resolve } from 'node:path';
import { quoteBankText as quote } from '@quizdeck/core';
import { type FileRefusal, isInside, readRegularFileSync, realFolderSync } from './regular-file';

/** An image file may be at most this large (far above any photo a card needs). */
export const MAX_MEDIA_BYTES = 32 * 1024 * 1024;

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** What an image reference of a bank is: a file of the bank's folder, inline data, or refused. */
export type MediaSource =
  | { kind: 'file'; path: string }
  | { kind: 'inline' }
  | { kind: 'refused'; code: 'outside' | 'remote'; message: string };

export interface MediaProblem {
  code: 'outside' | 'remote' | 'missing' | 'unreadable';
  message: string;
}

const outside = (written: string) =>
  `image ${quote(written)} is outside the bank's folder; an image must be a file in the bank's folder or below it`;

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path; // not percent-encoded after all
  }
}

/**
 * Where an image that a bank references (`![](src)`, `<img src>`) is, by the one rule every tool
 * uses: a relative path inside the bank's own folder. Absolute paths, `..` out of the folder and
 * remote URLs are refused, with the same words whether the file exists or not.
 */
export function mediaSource(bankFile: string, src: string): MediaSource {
  if (/^data:/i.test(src)) return { kind: 'inline' };
  if (HAS_SCHEME.test(src) || src.startsWith('//')) {
    return {
      kind: 'refused',
      code: 'remote',
      message: `image ${quote(src)} is remote: cards never fetch images from the web; save it in the bank's folder and name it by a relative path`,
    };
  }
  const decoded = decodePath(src);
  const folder = resolve(dirname(bankFile));
  const path = resolve(folder, decoded);
  if (isAbsolute(decoded) || decoded.startsWith('\\') || !isInside(folder, path)) {
    return { kind: 'refused', code: 'outside', message: outside(src) };
  }
  return { kind: 'file', path };
}

/** Reads an image of a bank: its bytes, or the problem (a symlink out is "outside" too). */
export function readMediaFile(
  bankFile: string,
  src: string,
): { path: string; data: Uint8Array } | MediaProblem {
  const source = mediaSource(bankFile, src);
  if (source.kind === 'refused') return { code: source.code, message: source.message };
  if (source.kind === 'inline') {
    return { code: 'unreadable', message: `image ${quote(src)} is inline data, not a file` };
  }
  const read = readRegularFileSync(source.path, {
    folder: realFolderSync(dirname(resolve(bankFile))),
    maxBytes: MAX_MEDIA_BYTES,
    tooLarge: (bytes, atLeast) =>
      `is ${atLeast ? 'more than ' : ''}${(bytes / 1024 / 1024).toFixed(1)} MiB; an image may be at most ${MAX_MEDIA_BYTES / 1024 / 1024} MiB`,
    outside: outside(src),
    what: 'an image file',
  });
  if ('bytes' in read) return { path: read.path, data: read.bytes };
  const refusal = read as FileRefusal;
  if (refusal.code === 'outside') return { code: 'outside', message: refusal.message };
  return {
    code: refusal.message === 'no such file' ? 'missing' : 'unreadable',
    message: `image ${quote(src)} cannot be read: ${refusal.message}`,
  };
}

const IMG_SRC = /<img\b[^>]*?\bsrc="([^"]*)"/gi;

export function unescapeAttribute(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The `src` of every `<img>` in rendered HTML, as written in the bank. */
export function imageSources(html: string): string[] {
  if (!html.includes('<img')) return [];
  return [...html.matchAll(IMG_SRC)].map((m) => unescapeAttribute(m[1] ?? ''));
}
