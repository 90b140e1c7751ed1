import { type Annotation, opensAnnotation, readAnnotation } from './annotations';
import { isSpaceTab } from './chars';
import { isBlank, isEmptyBullet, isRule } from './lines';

/** A paragraph: consecutive non-blank lines (0-based indexes, end inclusive). */
export interface Para {
  type: 'para';
  start: number;
  end: number;
  text: string;
}
export interface Note {
  type: 'annotation';
  annotation: Annotation;
}
export type Item = Para | Note;

export interface ItemIssue {
  /** The broken comment's first and last line (0-based). */
  line: number;
  end: number;
  message: string;
}

const ATX_HEADING_RE = /^#{1,6}[ \t]+\S/;
const DETAILS_OPEN_RE = /^[ \t]{0,3}<details\b/i;
const DETAILS_CLOSE = '</details>';

/** Index after the 0–3 spaces or tabs a line starts with (`^[ \t]{0,3}`). */
function indentEnd(line: string): number {
  let k = 0;
  while (k < 3 && isSpaceTab(line.charCodeAt(k))) k++;
  return k;
}

/** The fence a line opens (`^[ \t]{0,3}(```|~~~)`), or undefined. */
export function fenceOf(line: string): string | undefined {
  const k = indentEnd(line);
  const c = line.charCodeAt(k);
  if ((c !== 96 && c !== 126) || line.charCodeAt(k + 1) !== c || line.charCodeAt(k + 2) !== c)
    return undefined;
  return c === 96 ? '```' : '~~~';
}

/** `^[ \t]{0,3}<details\b` (any case): a spoiler block. */
export const opensDetails = (line: string) =>
  line.charCodeAt(indentEnd(line)) === 60 && DETAILS_OPEN_RE.test(line);

/**
 * True when the line's first character after spaces is printable ASCII that cannot start a
 * quizdeck comment, a blank, an empty bullet, a thematic break, a fence or a <details> block.
 */
function plainStart(line: string): boolean {
  let k = 0;
  while (k < line.length && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k++;
  const c = line.charCodeAt(k);
  if (!(c > 32 && c < 127)) return false;
  return !(c === 60 || c === 45 || c === 42 || c === 95 || c === 43 || c === 96 || c === 126);
}

/**
 * Splits lines[from, to) into paragraphs and quizdeck comments. Blank lines, stray empty bullets and
 * thematic breaks separate paragraphs; a fenced code block stays inside one paragraph.
 */
export function toItems(
  lines: readonly string[],
  from: number,
  to: number,
  issues: ItemIssue[],
): Item[] {
  const items: Item[] = [];
  // The paragraph being read is lines[paraStart..paraLast]; paraStart is -1 between paragraphs.
  let paraStart = -1;
  let paraLast = -1;
  const flush = (end: number) => {
    if (paraStart === -1) return;
    const text =
      paraStart === paraLast
        ? (lines[paraStart] ?? '')
        : lines.slice(paraStart, paraLast + 1).join('\n');
    items.push({ type: 'para', start: paraStart, end, text });
    paraStart = -1;
  };
  const add = (i: number) => {
    if (paraStart === -1) paraStart = i;
    paraLast = i;
  };
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    if (plainStart(line)) {
      if (line.charCodeAt(0) === 35 && ATX_HEADING_RE.test(line)) {
        // A heading is a block of its own, as in Markdown, even with text right under it.
        flush(i - 1);
        items.push({ type: 'para', start: i, end: i, text: line });
        continue;
      }
      // Most lines: text that opens nothing and ends nothing.
      add(i);
      continue;
    }
    if (opensAnnotation(line)) {
      flush(i - 1);
      const r = readAnnotation(lines, i);
      const end = Math.min('error' in r ? r.end : r.annotation.end, to - 1);
      if ('error' in r) issues.push({ line: i, end, message: r.error });
      else items.push({ type: 'annotation', annotation: r.annotation });
      i = end;
      continue;
    }
    if (isBlank(line) || isEmptyBullet(line) || isRule(line)) {
      flush(i - 1);
      continue;
    }
    add(i);
    const fence = fenceOf(line);
    if (fence !== undefined) {
      while (i + 1 < to && !(lines[i + 1] ?? '').trimStart().startsWith(fence)) add(++i);
      if (i + 1 < to) add(++i);
    } else if (paraStart === i && opensDetails(line)) {
      // A <details> block is one item, blank lines and all: it holds a spoiler key.
      while (i + 1 < to && !(lines[i] ?? '').toLowerCase().includes(DETAILS_CLOSE)) add(++i);
      flush(i);
    }
  }
  flush(to - 1);
  return items;
}

/** A set of line indexes of one file, as flags: it is asked about every line, several times. */
export class LineSet {
  private readonly flags: Uint8Array;
  constructor(size: number) {
    this.flags = new Uint8Array(size);
  }
  has(i: number): boolean {
    return this.flags[i] === 1;
  }
  add(i: number): void {
    this.flags[i] = 1;
  }
}
