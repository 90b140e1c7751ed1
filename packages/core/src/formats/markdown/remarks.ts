import type { NoteKind } from '../../model/note';
import { normaliseText } from './lines';

export type RemarkKind = NoteKind | 'explanation';

const LABEL_RE =
  /^(?:\*\*|__)?(explanation|dispute|comment|note)s?[ \t]*:(?:\*\*|__)?[ \t]*(?:\*\*|__)?[ \t]*/i;

/** "Explanation: …", "**Dispute:** …": the kind the author named, and the text after the label. */
export function readLabel(text: string): { kind: RemarkKind; text: string } | undefined {
  const m = LABEL_RE.exec(text);
  if (!m) return undefined;
  const word = (m[1] ?? '').toLowerCase();
  const kind: RemarkKind =
    word === 'explanation' ? 'explanation' : word === 'dispute' ? 'dispute' : 'comment';
  return { kind, text: text.slice(m[0].length) };
}

// Words with which readers argue with a key or a question.
const DISPUTE_RE =
  /\b(?:wrong|incorrect|not correct|isn'?t correct|mistaken|mistake|typo|odd|disagree|should be|should have been|shouldn'?t|ambiguous|misleading|only if|I think|I believe|doubt|questionable|confusing|unclear)\b/i;

export const soundsLikeDispute = (text: string) => DISPUTE_RE.test(text);

const EXPLAINS_RE = /^(?:because|since|reason|solution|so\b)|=/i;

/**
 * Unlabelled free text after a question: a dispute when it argues, the explanation when it works
 * towards the key (names a keyed option's text, or computes), else a comment.
 */
export function classifyRemark(text: string, keyedOptionTexts: readonly string[]): RemarkKind {
  if (soundsLikeDispute(text)) return 'dispute';
  const plain = normaliseText(text);
  const namesKey = keyedOptionTexts.some((t) => {
    const n = normaliseText(t);
    return n.length >= 2 && plain.includes(n);
  });
  return namesKey || EXPLAINS_RE.test(text.trim()) ? 'explanation' : 'comment';
}
