// Option lines: `- A. text`, `A) text`, `(a) text`, `**B RIGHT.** text`, `- [x] text`,
// `A) 10  B) 20  C) 30`, with key marks (RIGHT, (correct), ✓ …) before or after the text.

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

const BULLET_RE = /^[ \t]*([-*+])[ \t]+/;
const TASK_RE = /^\[([ xX])\][ \t]+/;
// "A.", "A)", "A:", "(a)", "**A.**", "**A**.", "A RIGHT.", "**D RIGHT.**"
const LABEL_RE =
  /^(\*\*|__)?(?:\(([A-Za-z])\)|([A-Za-z])(?:[ \t]+(RIGHT|CORRECT|[Rr]ight|[Cc]orrect))?(\*\*|__)?([.):]))(\*\*|__)?(?=[ \t]|$)/;
const EMOJI_MARK = '(?:[✓✔✅☑]\\uFE0F?)';
const WORD_MARK =
  '(?:\\(\\s*(?:correct|right)\\s*\\)|\\[\\s*(?:correct|right)\\s*\\]|right|correct)';
const MARK = `(?:\\*\\*|__)?(?:${EMOJI_MARK}|${WORD_MARK})(?:\\*\\*|__)?`;
// Matched on a bounded head or tail of the text only, so long lines stay linear.
const LEADING_MARK_RE = new RegExp(`^${MARK}(?=[ \\t]|$)`, 'iu');
const TRAILING_MARK_RE = new RegExp(`[ \\t]+(?:(?:<-|←|--|-|–|—)[ \\t]*)?${MARK}$`, 'iu');

/**
 * A bare word is a mark in capitals (RIGHT, CORRECT), in bold, in brackets or after a dash or arrow
 * ("- correct"); "the key is correct" stays text.
 */
const isMark = (token: string) =>
  !/^[A-Za-z]+$/.test(token.trim()) || /^(?:RIGHT|CORRECT)$/.test(token.trim());

// A mark starts or ends with one of these: most option texts are passed over without a regex.
const MARK_EDGE = new Set(['(', '[', ')', ']', '*', '_', 'r', 'R', 'c', 'C', 't', 'T', '\uFE0F']);
for (const c of '\u2713\u2714\u2705\u2611') MARK_EDGE.add(c);

/** Text without its key marks, and whether it had one. */
export function stripMarks(raw: string): { text: string; right: boolean } {
  let text = raw.trim();
  let right = false;
  if (!MARK_EDGE.has(text[0] ?? '') && !MARK_EDGE.has(text[text.length - 1] ?? ''))
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

const cache = new WeakMap<readonly string[], (OptionLine | null)[]>();

/** parseOptionLine(lines[i], true), read once per line of a file. */
export function optionAt(lines: readonly string[], i: number): OptionLine | undefined {
  let row = cache.get(lines);
  if (!row) {
    row = new Array(lines.length);
    cache.set(lines, row);
  }
  let o = row[i];
  if (o === undefined) {
    o = parseOptionLine(lines[i] ?? '', true) ?? null;
    row[i] = o;
  }
  return o ?? undefined;
}

/** Reads one line as an option; `bareOk` lets a line without a bullet count ("A. text"). */
export function parseOptionLine(line: string, bareOk: boolean): OptionLine | undefined {
  const b = BULLET_RE.exec(line);
  let rest = b ? line.slice(b[0].length) : line.trimStart();
  if (!b && !bareOk) return undefined;
  let task = false;
  let taskRight = false;
  const t = b ? TASK_RE.exec(rest) : null;
  if (t) {
    task = true;
    taskRight = t[1] !== ' ';
    rest = rest.slice(t[0].length);
  }
  let lead = false;
  const leading = LEADING_MARK_RE.exec(rest.slice(0, 24));
  if (leading && isMark(leading[0]) && LABEL_RE.test(rest.slice(leading[0].length).trimStart())) {
    lead = true;
    rest = rest.slice(leading[0].length).trimStart();
  }
  const m = LABEL_RE.exec(rest);
  if (!m) {
    if (!b || lead || (!task && /^\[[ xX]\]/.test(rest))) return undefined;
    // An unlettered bullet: it is an option only where the question reads it as one.
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
  const letter = m[2] ?? m[3] ?? '';
  const open = m[1];
  const closing = m[5] ?? m[7];
  if (open === undefined && closing !== undefined) return undefined;
  let text = rest.slice(m[0].length);
  // "**A. whole option in bold**": the closing emphasis goes with the label's.
  if (open !== undefined && closing === undefined) {
    if (!text.trimEnd().endsWith(open)) return undefined;
    text = text.trimEnd().slice(0, -open.length);
  }
  if (!b && text.trim() === '') return undefined;
  const marked = stripMarks(text);
  return {
    key: letter.toUpperCase(),
    text: marked.text,
    right: marked.right || m[4] !== undefined || taskRight || lead,
    raw: text,
    style: m[2] !== undefined ? '()' : (m[6] ?? '.'),
    lower: letter !== letter.toUpperCase(),
    bullet: b !== null,
    task,
  };
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

/**
 * `A) 10  B) 20  C) 30`: an option line whose text holds the next letters in order, in the same
 * style, splits into one option per letter.
 */
export function splitOnOneLine(o: OptionLine): OptionLine[] {
  if (o.key === undefined || o.task) return [o];
  const out: OptionLine[] = [];
  const first = parseOptionFirst(o);
  let current = { ...o, text: o.raw, right: first };
  for (let code = o.key.charCodeAt(0) + 1; code <= 90; code++) {
    const l = String.fromCharCode(code);
    const letter = o.lower ? l.toLowerCase() : l;
    const m = findLabel(current.text, o.style === '()' ? `(${letter})` : `${letter}${o.style}`);
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
