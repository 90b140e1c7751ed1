const MEDIA_TAG =
  /<\b(?:img|audio|video|object)\b[^>]+\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^ >]+))[^>]*>/gis;

/** Where MEDIA_TAG can match: most fields have no media. */
const MEDIA_START = /<(?:img|audio|video|object)\b/i;

/**
 * Anki's strip_html: every match of `(<!--.*?-->)|(<style.*?>.*?<\/style>)|(<script.*?>.*?<\/script>)|(<.*?>)`
 * (case-insensitive, `.` matching newlines) removed, found by indexOf instead: comments, style and
 * script blocks, then any tag. A test holds it to that expression.
 */
export function stripTags(html: string): string {
  let lt = html.indexOf('<');
  if (lt < 0) return html;
  let out = '';
  let last = 0;
  while (lt >= 0) {
    const end = tagEnd(html, lt);
    // Every alternative ends in `>`: without one after this `<`, nothing further matches.
    if (end < 0) break;
    out += html.slice(last, lt);
    last = end;
    lt = html.indexOf('<', end);
  }
  return out + html.slice(last);
}

/** End of the match starting at the `<` at `lt` (`<.*?>` at least), -1 when no `>` follows. */
function tagEnd(html: string, lt: number): number {
  if (html.startsWith('<!--', lt)) {
    const close = html.indexOf('-->', lt + 4);
    if (close >= 0) return close + 3;
  }
  for (const name of BLOCKS) {
    if (!asciiCaseAt(html, lt + 1, name)) continue;
    const gt = html.indexOf('>', lt + 1 + name.length);
    const close = gt < 0 ? -1 : closingTag(html, name, gt + 1);
    if (close >= 0) return close + name.length + 3;
  }
  const gt = html.indexOf('>', lt + 1);
  return gt < 0 ? -1 : gt + 1;
}

const BLOCKS = ['style', 'script'] as const;

/** Index of the first `</name>` (letters in any case) at or after `from`, or -1. */
function closingTag(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    if (asciiCaseAt(html, at + 2, name) && html.charCodeAt(at + 2 + name.length) === 62) return at;
  }
  return -1;
}

/**
 * Whether `word` (lower-case ASCII letters) is at `at` in any case. A case-insensitive regular
 * expression without the `u` flag folds no other character onto an ASCII letter.
 */
function asciiCaseAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    const w = word.charCodeAt(k);
    if (c !== w && c !== w - 32) return false;
  }
  return true;
}

/** The named entities decoded; others stay as written. */
export const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Each match of `&(#x[0-9a-f]+|#[0-9]+|[a-z]+);` (case-insensitive) decoded, found by indexOf
 * instead; a test holds it to that expression.
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const end = entityEnd(text, amp);
    if (end < 0) {
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    out += text.slice(last, amp) + decodeEntity(text.slice(amp, end), text.slice(amp + 1, end - 1));
    last = end;
    amp = text.indexOf('&', end);
  }
  return out + text.slice(last);
}

/** End (past the `;`) of the entity at the `&` at `amp`, or -1. */
function entityEnd(text: string, amp: number): number {
  let at = amp + 1;
  let kind: (code: number) => boolean = isLetter;
  if (text.charCodeAt(at) === 35 /* # */) {
    const x = text.charCodeAt(at + 1) | 0x20;
    kind = x === 120 /* x */ && isHex(text.charCodeAt(at + 2)) ? isHex : isDigit;
    at += kind === isHex ? 2 : 1;
  }
  const start = at;
  while (kind(text.charCodeAt(at))) at++;
  return at > start && text.charCodeAt(at) === 59 /* ; */ ? at + 1 : -1;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;
const isHex = (c: number) => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : +name.slice(1);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  // Own keys only: `&constructor;` is no entity, not Object.prototype's function.
  const key = name.toLowerCase();
  return Object.hasOwn(NAMED, key) ? (NAMED[key] as string) : whole;
}

/** What Anki stores as `sfld` and hashes for `csum`: tags removed, media file names kept. */
export function stripHtmlPreservingMedia(html: string): string {
  const withMedia = !MEDIA_START.test(html)
    ? html
    : html.replace(MEDIA_TAG, (_m, a?: string, b?: string, c?: string) => ` ${a ?? b ?? c ?? ''} `);
  return decodeEntities(stripTags(withMedia));
}
