// Recognisers for the line shapes of quiz-markdown (see docs/bank-format.md).

import {
  bulletEnd,
  isBulletCode,
  isSpaceTab,
  isWhiteAt,
  onlySpaceTabFrom,
  skipSpaceTab,
} from './chars';

export interface QuestionLine {
  number: string;
  text: string;
  /** Written as a heading or in bold: a question even when it has no options. */
  emphatic: boolean;
  /** Written as a heading ("## 6.", "### Question 7"). */
  heading: boolean;
}

// "1. …", "2) …", "## 6. …", "**8. …**", "Question 3: …", "Q4. …", "**Q5.** …", "### Question 7".
const QUESTION_RE =
  /^(#{1,6}[ \t]+)?(\*\*|__)?(?:(Question|Q)[ \t]*(\d{1,6})(\*\*|__)?[ \t]*([.):])?|(\d{1,6})(\*\*|__)?([.)]))(\*\*|__)?(?:[ \t]+(.*))?$/i;

/** Can a question line start with this character ("#", "*", "_", "Q", "q" or a digit)? */
const questionStart = (c: number) =>
  (c >= 48 && c <= 57) || c === 35 || c === 42 || c === 95 || c === 81 || c === 113;

export function matchQuestion(line: string): QuestionLine | undefined {
  if (!questionStart(line.charCodeAt(0))) return undefined;
  const m = QUESTION_RE.exec(line);
  if (!m) return undefined;
  const heading = m[1] !== undefined;
  const bold = m[2];
  const worded = m[3] !== undefined;
  let text = (m[11] ?? '').trimEnd();
  if (bold !== undefined && text.endsWith(bold)) text = text.slice(0, -bold.length).trimEnd();
  const emphatic = heading || bold !== undefined || worded;
  // "Question 7" without punctuation, or a number with nothing after it, only as a heading or in bold.
  if (worded && m[6] === undefined && !heading && bold === undefined && text !== '')
    return undefined;
  if (text === '' && !heading && bold === undefined && !worded) return undefined;
  const number = m[4] ?? m[7] ?? '';
  return { number, text, emphatic, heading };
}

/** Index of the first character from `from` that is not a space, tab or other blank (line.length if none). */
export function firstNonBlank(line: string, from = 0): number {
  let k = from;
  while (k < line.length) {
    const c = line.charCodeAt(k);
    // Fast path for ASCII; anything else is asked of trim's own notion of white space.
    if (c === 32 || (c >= 9 && c <= 13)) k++;
    else if (c < 128 || line[k]?.trim() !== '') break;
    else k++;
  }
  return k;
}

/** line.trim() === '', without making the trimmed string: asked of nearly every line. */
export const isBlank = (line: string) => firstNonBlank(line) === line.length;
/** `^[ \t]*[-*+][ \t]*$`: a bullet with nothing after it. */
export function isEmptyBullet(line: string): boolean {
  const k = skipSpaceTab(line, 0);
  return isBulletCode(line.charCodeAt(k)) && onlySpaceTabFrom(line, k + 1);
}

/** `^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$`: a thematic break ("---", "* * *"). */
export function isRule(line: string): boolean {
  let k = 0;
  while (k < 3 && isSpaceTab(line.charCodeAt(k))) k++;
  const c = line.charCodeAt(k);
  if (c !== 45 && c !== 42 && c !== 95) return false;
  let marks = 1;
  for (let j = k + 1; j < line.length; j++) {
    const d = line.charCodeAt(j);
    if (d === c) marks++;
    else if (!isSpaceTab(d)) return false;
  }
  return marks >= 3;
}

/** `^[ \t]*[-*+][ \t]+\S`: a bullet with text. */
export function isBullet(line: string): boolean {
  const k = bulletEnd(line);
  return k !== -1 && k < line.length && !isWhiteAt(line, k);
}

/** The line without its bullet (`^[ \t]*[-*+][ \t]+`). */
export function stripBullet(line: string): string {
  const k = bulletEnd(line);
  return k === -1 ? line : line.slice(k);
}

/** Text as compared between an accepted answer and an option: no emphasis, spacing or case. */
export function normaliseText(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]$/, '')
    .toLowerCase();
}

const PINNED_RE =
  /^(?:\*\*|__)?(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|them|those)\b/i;
/** "All of the above", "None of these" …: an option that keeps its place when options are shuffled. */
export function isPinnedText(text: string): boolean {
  const k = firstNonBlank(text);
  const c = text.charCodeAt(k) | 32;
  // Emphasis, or the first letter of all, none, neither or both.
  if (c !== 42 && c !== 127 && c !== 97 && c !== 110 && c !== 98) return false;
  return PINNED_RE.test(text.slice(k));
}

/** Index of the line's first digit (0 if none): the column its number is reported at. */
export function firstDigit(line: string): number {
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c >= 48 && c <= 57) return k;
  }
  return 0;
}
