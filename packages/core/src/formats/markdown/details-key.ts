import { matchAnswerLine } from './answer-line';
import type { AcceptedStatement } from './key';

const DETAILS_RE = /^[ \t]{0,3}<details\b/i;
const TAG_RE = /<\/?(?:details|summary)\b[^>]*>/gi;

/** Does the paragraph open a `<details>` block? */
export const isDetails = (text: string) => DETAILS_RE.test(text);

/**
 * `<details><summary>Answer</summary> B … </details>` at line `line`: the key statement it holds,
 * then its explanation (the lines after the key), if any.
 */
export function readDetailsKey(
  text: string,
  line: number,
): { statement: AcceptedStatement; explanation?: string } {
  const inner = text.replace(TAG_RE, '\n').replace(/^\s*(?:answer|solution|key)s?\s*$/im, '');
  const parts = inner
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const head = parts[0] ?? '';
  const statement: AcceptedStatement = {
    line,
    inline: matchAnswerLine(head)?.rest ?? head,
    entries: [],
    source: 'details block',
  };
  return parts.length > 1 ? { statement, explanation: parts.slice(1).join('\n') } : { statement };
}
