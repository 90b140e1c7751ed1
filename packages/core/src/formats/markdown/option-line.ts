// Option lines: `- A. text`, `A) text`, `(a) text`, `**B RIGHT.** text`, `- [x] text`,
// `A) 10  B) 20  C) 30`, with key marks (RIGHT, (correct), ✓ …) before or after the text.

import { bulletEnd, isSpaceTab, skipSpaceTab } from './chars';
import { firstNonBlank, isBlank } from './lines';
import { readOptionLabel } from './option-label';

export interface OptionLine {
  /** The letter as written, upper case; undefined for an unlettered bullet or task-list item. */
  key: string | undefined;
  text: string;
  right: boolean;
  /** The text after the label, marks and all. */
  raw: string;
  /** The punctuation after the letter (".", ")", ":", "()" for "(a)"): several-on-a-line use it. */
  style: string;
  lower: boolean;
  bullet: boolean;
  task: boolean;
}

/** Options are lettered in capitals, or all in lowercase (read as A, B, …). */
export type LetterCase = 'upper' | 'lower';

const EMOJI_MARK = '(?:[✓✔✅☑]\\uFE0F?)';
const WORD_MARK =
  '(?:\\(\\s*(?:correct|right)\\s*\\)|\\[\\s*(?:correct|right)\\s*\\]|right|correct)';
const MARK = `(?:\\*\\*|__)?(?:${EMOJI_MARK}|${WORD_MARK})(?:\\*\\*|__)?`;
// Matched on a bounded head or tail of the text only, so long lines stay linear.
export const LEADING_MARK_RE = new RegExp(`^${MARK}(?=[ \\t]|$)`, 'iu');
export const TRAILING_MARK_RE = new RegExp(`[ \\t]+(?:(?:<-|←|--|-|–|—)[ \\t]*)?${MARK}$`, 'iu');

/**
 * A bare word is a mark in capitals (RIGHT, CORRECT), in bold, in brackets or after a dash or arrow
 * ("- correct"); "the key is correct" stays text.
 */
const isMark = (token: string) =>
  !/^[A-Za-z]+$/.test(token.trim()) || /^(?:RIGHT|CORRECT)$/.test(token.trim());

/** ✓ ✔ ✅ ☑: the check marks a mark may be. */
const isCheckMark = (c: number) => c === 0x2713 || c === 0x2714 || c === 0x2705 || c === 0x2611;

/** Can a leading mark start at line[k] ("**", "__", "(", "[", "ri…", "co…", ✓ …)? */
export function mayLeadMark(line: string, k: number): boolean {
  const c = line.charCodeAt(k);
  if (c === 42 || c === 95 || c === 40 || c === 91 || isCheckMark(c)) return true;
  const d = line.charCodeAt(k + 1) | 32;
  return ((c | 32) === 114 && d === 105) || ((c | 32) === 99 && d === 111);
}

/** A mark starts or ends with one of these: most option texts are passed over without a regex. */
export const isMarkEdge = (c: number) =>
  c === 40 ||
  c === 91 ||
  c === 41 ||
  c === 93 ||
  c === 42 ||
  c === 95 ||
  (c | 32) === 114 ||
  (c | 32) === 99 ||
  (c | 32) === 116 ||
  c === 0xfe0f ||
  isCheckMark(c);

/** Text without its key marks, and whether it had one. */
export function stripMarks(raw: string): { text: string; right: boolean } {
  let text = raw.trim();
  let right = false;
  if (!isMarkEdge(text.charCodeAt(0)) && !isMarkEdge(text.charCodeAt(text.length - 1)))
    return { text, right };
  if (text.startsWith('**') || text.startsWith('__')) {
    const close = text.slice(2).trimEnd();
    if (close.endsWith(text.slice(0, 2)) && !close.slice(0, -2).includes(text.slice(0, 2)))
      text = close.slice(0, -2).trim();
  }
  for (let guard = 0; guard < 3; guard++) {
    const m = LEADING_MARK_RE.exec(text.slice(0, 24));
    if (!m || !isMark(m[0])) break;
    text = text.slice(m[0].length).trimStart();
    right = true;
  }
  for (let guard = 0; guard < 3 && text !== ''; guard++) {
    const tail = text.slice(-28);
    const m = TRAILING_MARK_RE.exec(tail);
    if (!m) break;
    const token = m[0].trim();
    const dashed = /^(?:<-|←|--|-|–|—)/.test(token);
    if (!dashed && !isMark(token)) break;
    const rest = text.slice(0, text.length - tail.length + m.index).trimEnd();
    if (rest === '') break;
    text = rest;
    right = true;
  }
  return { text, right };
}

/**
 * Lines [from, to) of a file read as options (parseOptionLine(line, true)), each read once: one
 * question's block. What it read goes with it (a file-wide cache kept every line's option alive).
 */
export class OptionWindow {
  private readonly read: (OptionLine | null | undefined)[];

  constructor(
    private readonly lines: readonly string[],
    private readonly from: number,
    to: number,
  ) {
    this.read = new Array(Math.max(0, to - from));
  }

  at(i: number): OptionLine | undefined {
    const k = i - this.from;
    if (k < 0 || k >= this.read.length) return parseOptionLine(this.lines[i] ?? '', true);
    let o = this.read[k];
    if (o === undefined) {
      o = parseOptionLine(this.lines[i] ?? '', true) ?? null;
      this.read[k] = o;
    }
    return o ?? undefined;
  }
}

/** "[ ]", "[x]", "[X]" at line[k]: a task-list box. */
function boxAt(line: string, k: number): boolean {
  const c = line.charCodeAt(k + 1);
  return (
    line.charCodeAt(k) === 91 &&
    (c === 32 || c === 120 || c === 88) &&
    line.charCodeAt(k + 2) === 93
  );
}

/** Reads one line as an option; `bareOk` lets a line without a bullet count ("A. text"). */
export function parseOptionLine(line: string, bareOk: boolean): OptionLine | undefined {
  const bulletAt = bulletEnd(line);
  const b = bulletAt !== -1;
  if (!b && !bareOk) return undefined;
  // What follows the bullet (or the indent) starts at line[at]; it is sliced only when kept.
  let at = b ? bulletAt : firstNonBlank(line);
  // A line without a bullet is an option only with a label (after a mark, maybe).
  if (!b && !mayLeadMark(line, at) && readOptionLabel(line, at) === undefined) return undefined;
  let task = false;
  let taskRight = false;
  if (b && boxAt(line, at) && isSpaceTab(line.charCodeAt(at + 3))) {
    task = true;
    taskRight = line.charCodeAt(at + 1) !== 32;
    at = skipSpaceTab(line, at + 4);
  }
  let lead = false;
  const leading = mayLeadMark(line, at) ? LEADING_MARK_RE.exec(line.slice(at, at + 24)) : null;
  if (leading && isMark(leading[0])) {
    const after = firstNonBlank(line, at + leading[0].length);
    if (readOptionLabel(line, after) !== undefined) {
      lead = true;
      at = after;
    }
  }
  const m = readOptionLabel(line, at);
  if (!m) {
    if (!b || lead || (!task && boxAt(line, at))) return undefined;
    // An unlettered bullet: it is an option only where the question reads it as one.
    const rest = line.slice(at);
    const marked = stripMarks(rest);
    return {
      key: undefined,
      text: marked.text,
      right: marked.right || taskRight,
      raw: rest,
      style: '',
      lower: false,
      bullet: true,
      task,
    };
  }
  const { letter, open, closing } = m;
  if (open === undefined && closing !== undefined) return undefined;
  let text = line.slice(m.end);
  // "**A. whole option in bold**": the closing emphasis goes with the label's.
  if (open !== undefined && closing === undefined) {
    if (!text.trimEnd().endsWith(open)) return undefined;
    text = text.trimEnd().slice(0, -open.length);
  }
  if (!b && isBlank(text)) return undefined;
  const marked = stripMarks(text);
  const code = letter.charCodeAt(0);
  return {
    key: code >= 97 ? String.fromCharCode(code - 32) : letter,
    text: marked.text,
    right: marked.right || m.marked || taskRight || lead,
    raw: text,
    style: m.paren ? '()' : m.punct,
    lower: code >= 97,
    bullet: b,
    task,
  };
}

/** Is the line a bulleted option with a letter (parseOptionLine reads it so)? Most lines say no at once. */
export function isLetteredBullet(line: string): boolean {
  const k = bulletEnd(line);
  if (k === -1) return false;
  // No task box ("[" is a mark's start), no leading mark and no label: an unlettered bullet.
  if (!mayLeadMark(line, k) && readOptionLabel(line, k) === undefined) return false;
  const o = parseOptionLine(line, true);
  return o?.bullet === true && o.key !== undefined;
}

/** Marks that sit on the label of a line's first option, not in its text. */
const parseOptionFirst = (o: OptionLine) => o.right && stripMarks(o.raw).right === false;

/**
 * Where `label` ("B)", "(b)") stands in `text` after two spaces or a tab (emphasis around it
 * allowed) and before a space: found with indexOf, so long runs of spaces stay linear.
 */
function findLabel(text: string, label: string): { index: number; 0: string } | undefined {
  for (let at = text.indexOf(label); at !== -1; at = text.indexOf(label, at + 1)) {
    let start = at;
    let open = '';
    if (text.startsWith('**', at - 2) || text.startsWith('__', at - 2)) {
      open = text.slice(at - 2, at);
      start -= 2;
    }
    const before = text.slice(Math.max(0, start - 2), start);
    if (!(before === '  ' || before.endsWith('\t') || /^[ \t]{2}$/.test(before))) continue;
    let end = at + label.length;
    if (open !== '' && text.startsWith(open, end)) end += 2;
    if (end < text.length && text[end] !== ' ' && text[end] !== '\t') continue;
    let ws = start;
    while (ws > 0 && (text[ws - 1] === ' ' || text[ws - 1] === '\t')) ws--;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    return { index: ws, 0: text.slice(ws, end) };
  }
  return undefined;
}

/** The label of letter `l` (upper case) written as o writes its own: "B)", "(b)", "B.". */
function labelOf(o: OptionLine, l: string): string {
  const letter = o.lower ? l.toLowerCase() : l;
  return o.style === '()' ? `(${letter})` : `${letter}${o.style}`;
}

/**
 * `A) 10  B) 20  C) 30`: an option line whose text holds the next letters in order, in the same
 * style, splits into one option per letter.
 */
export function splitOnOneLine(o: OptionLine): OptionLine[] {
  if (o.key === undefined || o.task || o.key === 'Z') return [o];
  // Most option lines hold no next label: they are passed over before anything is built.
  if (findLabel(o.raw, labelOf(o, String.fromCharCode(o.key.charCodeAt(0) + 1))) === undefined)
    return [o];
  const out: OptionLine[] = [];
  const first = parseOptionFirst(o);
  let current = { ...o, text: o.raw, right: first };
  for (let code = o.key.charCodeAt(0) + 1; code <= 90; code++) {
    const l = String.fromCharCode(code);
    const m = findLabel(current.text, labelOf(o, l));
    if (!m) break;
    const mine = stripMarks(current.text.slice(0, m.index));
    out.push({ ...current, text: mine.text, right: current.right || mine.right });
    current = { ...o, key: l, text: current.text.slice(m.index + m[0].length), right: false };
  }
  if (out.length === 0) return [o];
  const last = stripMarks(current.text);
  out.push({ ...current, text: last.text, right: current.right || last.right });
  return out;
}

/** Does this option line carry the letter `want` in the case `letters`? */
export const hasLetter = (o: OptionLine | undefined, want: string, letters: LetterCase) =>
  o?.key === want && o.lower === (letters === 'lower');
