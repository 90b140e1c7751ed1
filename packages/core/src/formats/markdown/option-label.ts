import { isAsciiLetter, isSpaceTab, skipSpaceTab } from './chars';

/**
 * The label an option's text starts with: "A.", "A)", "A:", "(a)", "**A.**", "**A**.", "A RIGHT.",
 * "**D RIGHT.**". Read by hand, as the pattern
 * `^(\*\*|__)?(?:\(([A-Za-z])\)|([A-Za-z])(?:[ \t]+(RIGHT|CORRECT|[Rr]ight|[Cc]orrect))?(\*\*|__)?([.):]))(\*\*|__)?(?=[ \t]|$)`
 * reads it (test/option-label.test.ts holds it to that pattern): it is asked of nearly every line.
 */
export interface OptionLabel {
  /** Index after the label and its emphasis. */
  end: number;
  /** The letter as written. */
  letter: string;
  /** Written "(a)". */
  paren: boolean;
  /** RIGHT or CORRECT stands in the label ("B RIGHT."). */
  marked: boolean;
  /** Emphasis before the label ("**"), if any. */
  open: string | undefined;
  /** Emphasis closing the label, before its punctuation or after it. */
  closing: string | undefined;
  /** The punctuation after the letter; '' for "(a)". */
  punct: string;
}

const MARK_WORDS = ['RIGHT', 'CORRECT', 'Right', 'right', 'Correct', 'correct'];

/** "**" or "__" at s[k], or undefined. */
function emphasisAt(s: string, k: number): string | undefined {
  const c = s.charCodeAt(k);
  if ((c !== 42 && c !== 95) || s.charCodeAt(k + 1) !== c) return undefined;
  return c === 42 ? '**' : '__';
}

/** The option label at s[from], or undefined. */
export function readOptionLabel(s: string, from: number): OptionLabel | undefined {
  let k = from;
  const open = emphasisAt(s, k);
  if (open !== undefined) k += 2;
  const c = s.charCodeAt(k);
  let letter: string;
  let paren = false;
  let marked = false;
  let before: string | undefined;
  let punct = '';
  if (c === 40) {
    if (!isAsciiLetter(s.charCodeAt(k + 1)) || s.charCodeAt(k + 2) !== 41) return undefined;
    letter = s.charAt(k + 1);
    paren = true;
    k += 3;
  } else if (isAsciiLetter(c)) {
    letter = s.charAt(k);
    k++;
    if (isSpaceTab(s.charCodeAt(k))) {
      const w = skipSpaceTab(s, k);
      const word = MARK_WORDS.find((x) => s.startsWith(x, w));
      if (word === undefined) return undefined;
      marked = true;
      k = w + word.length;
    }
    before = emphasisAt(s, k);
    if (before !== undefined) k += 2;
    const p = s.charCodeAt(k);
    if (p !== 46 && p !== 41 && p !== 58) return undefined;
    punct = s.charAt(k);
    k++;
  } else return undefined;
  let after = emphasisAt(s, k);
  if (after !== undefined && (k + 2 === s.length || isSpaceTab(s.charCodeAt(k + 2)))) k += 2;
  else {
    after = undefined;
    if (k !== s.length && !isSpaceTab(s.charCodeAt(k))) return undefined;
  }
  return { end: k, letter, paren, marked, open, closing: before ?? after, punct };
}
