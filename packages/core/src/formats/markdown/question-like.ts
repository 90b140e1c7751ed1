import { matchAnswerLine } from './answer-line';
import { matchQuestion } from './lines';
import { parseOptionLine } from './option-line';

/**
 * True when a Markdown text has at least one line the importer would read as part of a quiz: a
 * first option (`- A. …`, `a) …`), an answer line, or a numbered line that asks (`3. Why …?`,
 * `Question 3: …`). A README's numbered steps ("1. Install pnpm") are not enough, so a folder's
 * READMEs and notes are told apart from banks without guessing at broken banks.
 */
export function hasQuestionLikeLine(text: string): boolean {
  for (const line of text.split('\n')) {
    const l = line.replace(/\r$/, '');
    if (parseOptionLine(l, true)?.key === 'A' || matchAnswerLine(l) !== undefined) return true;
    const q = matchQuestion(l);
    if (q && (/\?\s*$/.test(q.text) || /^[#*_ \t]*(?:Question|Q)[ \t]*\d/i.test(l))) return true;
  }
  return false;
}
