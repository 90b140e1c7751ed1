// Answer lines: "Answer: B", "Accepted answers are A and D.", "**Answer**: (b)", "The answer is B.",
// "Answer - B", "Key: C", "Correct answer(s): a, c", "Solution: B because …", "||B||".

import { isBulletCode, isSpaceTab, skipSpaceTab } from './chars';
import { firstNonBlank } from './lines';

const HEAD =
  '(?:the[ \\t]+)?(?:official[ \\t]+)?(?:(?:accepted|correct|right)[ \\t]+(?:answers?|answer\\(s\\)|options?|choices?)|answers?|answer\\(s\\)|ans\\.|ans|key|correct|solution)';
const EM = '(?:\\*\\*|__)?';
// "Ans. B": the abbreviation's period is the separator.
const SEP =
  '(?:[ \\t]*(?::-|:|=|–|—|-)|[ \\t]+(?:is|are)(?=[ \\t*_]|$)|(?<=ans\\.(?:\\*\\*|__)?)(?=[ \\t]))';
export const ANSWER_RE = new RegExp(
  `^(?:[-*+][ \\t]+)?${EM}(${HEAD})${EM}${SEP}${EM}[ \\t]*(.*)$`,
  'i',
);
// "Ans (a)", "Answer B", "Correct answer b": an answer word and a key without a separator.
export const NEAR_RE = new RegExp(
  `^(?:[-*+][ \\t]+)?${EM}(${HEAD})${EM}[.]?[ \\t]+${EM}\\(?([A-Za-z])\\)?${EM}[.]?[ \\t]*$`,
  'i',
);
export const SPOILER_RE = /^\|\|(.+)\|\|$/;

export interface AnswerLine {
  /** What follows the head: letters, option texts, maybe a reason. */
  rest: string;
  /** "Solution: …" may be a worked explanation rather than a key. */
  solution: boolean;
}

const unwrap = (s: string) => {
  let t = s.trim();
  const spoiler = SPOILER_RE.exec(t);
  if (spoiler) t = (spoiler[1] ?? '').trim();
  // "Answer: **B**" or a bold head closing after the rest ("**Answer: B**").
  if (/^(?:\*\*|__)[^*_]*(?:\*\*|__)$/.test(t)) t = t.slice(2, -2).trim();
  else if (/(?:\*\*|__)$/.test(t) && !/(?:\*\*|__)/.test(t.slice(0, -2))) t = t.slice(0, -2).trim();
  return t;
};

// "(Answer: B)", "*Answer: B*", "_Answer: B_": the whole statement in parentheses or in italics.
export const WRAPPED_RE = /^(?:\((.+)\)|\*(?![*\s])(.*[^*\s])\*|_(?![_\s])(.*[^_\s])_)$/;

/**
 * Can a head word (the, official, accepted, correct, right, answer, ans, key, solution) start at
 * line[k]? Its first two letters, in any case, say.
 */
function headAt(line: string, k: number): boolean {
  const b = line.charCodeAt(k + 1) | 32;
  switch (line.charCodeAt(k) | 32) {
    case 97:
      return b === 99 || b === 110;
    case 116:
      return b === 104;
    case 111:
      return b === 102;
    case 99:
      return b === 111;
    case 114:
      return b === 105;
    case 107:
      return b === 101;
    case 115:
      return b === 111;
    default:
      return false;
  }
}

/**
 * Can the line be a key statement: does its text start with "||", "(", emphasis, or a head word
 * after a bullet or none? Most lines are turned away here, before any regex.
 */
export function mayStartKey(line: string): boolean {
  let k = firstNonBlank(line);
  const c = line.charCodeAt(k);
  if (c === 124 || c === 40 || c === 95) return true;
  if (c === 42 && !isSpaceTab(line.charCodeAt(k + 1))) return true;
  if (isBulletCode(c)) {
    if (!isSpaceTab(line.charCodeAt(k + 1))) return false;
    k = skipSpaceTab(line, k + 1);
    const d = line.charCodeAt(k);
    if (d === 42 || d === 95) return true;
  }
  return headAt(line, k);
}

/** The key statement a line makes, if it is one. */
export function matchAnswerLine(line: string): AnswerLine | undefined {
  if (!mayStartKey(line)) return undefined;
  const t = line.trim();
  const spoiler = SPOILER_RE.exec(t);
  if (spoiler) return { rest: unwrap(t), solution: false };
  let m = ANSWER_RE.exec(t);
  if (!m) {
    const w = WRAPPED_RE.exec(t);
    const inner = w ? (w[1] ?? w[2] ?? w[3] ?? '').trim() : '';
    m = inner === '' ? null : ANSWER_RE.exec(inner);
  }
  if (!m) return undefined;
  const head = (m[1] ?? '').toLowerCase();
  return { rest: unwrap(m[2] ?? ''), solution: head === 'solution' };
}

/** "Ans (a)" → "Answer: A": the line almost states a key; how to write it so it does. */
export function nearMissAnswer(line: string): string | undefined {
  if (!mayStartKey(line)) return undefined;
  const t = line.trim();
  if (t.length > 200) return undefined;
  const m = NEAR_RE.exec(t);
  if (!m) return undefined;
  return `Answer: ${(m[2] ?? '').toUpperCase()}`;
}
