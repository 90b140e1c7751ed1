import type { AcceptedStatement } from './key';

// An answer key gathered at the end of the file: "1-B, 2-A/C, 3-D", "1) b" lines, or a table.
const HEAD_RE =
  /^(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:answer[ \t]+key|answers|key|solutions|answer[ \t]+sheet)(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*$/i;
const ENTRY_RE =
  /^[ \t]*(?:Q(?:uestion)?[ \t]*)?(\d{1,4})[ \t]*(?:->|[-:.)=\u2013\u2014])[ \t]*(\S.{0,80}?)[ \t]*$/;
const LETTERS_RE = /^\(?[A-Za-z]\)?(?:[ \t]*[/&,][ \t]*\(?[A-Za-z]\)?)*\.?$/;
const ROW_RE =
  /^[ \t]*\|?[ \t]*(?:Q(?:uestion)?[ \t]*)?(\d{1,4})[ \t]*\|[ \t]*([A-Za-z](?:[ \t]*[/,&][ \t]*[A-Za-z])*)[ \t]*\|?[ \t]*$/;
const TABLE_EDGE_RE =
  /^[ \t]*\|?[ \t]*(?::?-{3,}:?[ \t]*\|?[ \t]*)+$|^[ \t]*\|[^|]*\|[^|]*\|?[ \t]*$/;

export interface EndKeyEntry {
  line: number;
  number: string;
  keys: string;
}

/** The entries a line of an answer key holds, or undefined when it is not one. */
const INLINE_HEAD_RE =
  /^[ \t]*(?:\*\*|__)?(?:answer[ \t]+key|answers|key|solutions)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?/i;

function entriesOf(full: string, index: number): EndKeyEntry[] | undefined {
  if (full.length > 4000) return undefined;
  const line = full.replace(INLINE_HEAD_RE, '');
  const headed = line !== full;
  const row = ROW_RE.exec(line);
  if (row) return [{ line: index, number: row[1] ?? '', keys: row[2] ?? '' }];
  // "1-B, 2-A/C, 3-D": split at commas; a part without a number belongs to the entry before it.
  const out: EndKeyEntry[] = [];
  for (const part of line.split(/[,;]/)) {
    const m = ENTRY_RE.exec(part);
    const prev = out[out.length - 1];
    if (m) out.push({ line: index, number: m[1] ?? '', keys: (m[2] ?? '').trim() });
    else if (prev && part.trim() !== '') prev.keys += `,${part}`;
    else return undefined;
  }
  if (out.length === 0) return undefined;
  // One entry alone on a line ("5) b") must be letters, or it may be a question ("5) Why?").
  if (!headed && out.length === 1 && !LETTERS_RE.test(out[0]?.keys ?? '')) return undefined;
  if (out.some((e) => e.keys.endsWith('?'))) return undefined;
  return out;
}

export interface EndKey {
  /** 0-based first line of the key section (its heading, or its first entry). */
  start: number;
  entries: EndKeyEntry[];
  /** Lines of the section that hold no entry (heading, table header). */
  other: number[];
}

/** Finds an answer key at the end of the file, after `from`. */
export function findEndKey(lines: readonly string[], from: number): EndKey | undefined {
  let i = lines.length - 1;
  const entries: EndKeyEntry[] = [];
  const other: number[] = [];
  let pairsOnALine = false;
  let table = false;
  for (; i >= from; i--) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const found = entriesOf(line, i);
    if (found) {
      entries.unshift(...found);
      if (found.length > 1) pairsOnALine = true;
      if (line.includes('|')) table = true;
      continue;
    }
    if (TABLE_EDGE_RE.test(line) && line.includes('|')) {
      other.unshift(i);
      continue;
    }
    break;
  }
  if (entries.length === 0) return undefined;
  const head = HEAD_RE.test(lines[i] ?? '') ? i : -1;
  if (head === -1 && !pairsOnALine && !table) return undefined;
  if (head !== -1) other.unshift(head);
  const first = entries[0]?.line ?? i + 1;
  return { start: head !== -1 ? head : Math.min(first, other[0] ?? first), entries, other };
}

const byNumber = new WeakMap<EndKey, Map<string, EndKeyEntry>>();

/** The end key's statement for one question number. */
export function endKeyFor(key: EndKey | undefined, number: string): AcceptedStatement | undefined {
  if (key === undefined) return undefined;
  let index = byNumber.get(key);
  if (!index) {
    index = new Map();
    for (const e of key.entries) if (!index.has(e.number)) index.set(e.number, e);
    byNumber.set(key, index);
  }
  const e = index.get(number);
  if (!e) return undefined;
  return {
    line: e.line,
    inline: e.keys,
    entries: [],
    source: `the answer key at line ${e.line + 1}`,
  };
}
