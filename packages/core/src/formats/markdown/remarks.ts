import type { NoteKind } from '../../model/note';
import { normaliseText } from './lines';

export type RemarkKind = NoteKind | 'explanation';

export const LABEL_RE =
  /^(?:\*\*|__)?(explanation|dispute|comment|note|edit|update|remark)s?(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(?:\*\*|__)?[ \t]*/i;

/** Can LABEL_RE match from this character: emphasis or a label word's first letter? */
export function mayStartLabel(c: number): boolean {
  const lower = c | 32;
  return (
    c === 42 ||
    c === 95 ||
    lower === 101 ||
    lower === 100 ||
    lower === 99 ||
    lower === 110 ||
    lower === 117 ||
    lower === 114
  );
}

/**
 * "Explanation: …", "**Dispute:** …", "EDIT: …": the kind the author named (undefined for an
 * EDIT, whose kind its words decide), and the text after the label.
 */
export function readLabel(
  text: string,
): { kind: RemarkKind | undefined; text: string } | undefined {
  if (!mayStartLabel(text.charCodeAt(0))) return undefined;
  const m = LABEL_RE.exec(text);
  if (!m) return undefined;
  const word = (m[1] ?? '').toLowerCase();
  const kind: RemarkKind | undefined =
    word === 'explanation'
      ? 'explanation'
      : word === 'dispute'
        ? 'dispute'
        : word === 'comment' || word === 'note'
          ? 'comment'
          : undefined;
  return { kind, text: text.slice(m[0].length) };
}

// Words with which readers argue with a key or a question.
const DISPUTE_RE =
  /\b(?:wrong|incorrect|not correct|isn'?t correct|isn'?t right|not right|mistaken|mistake|typo|odd|disagree|should be|should have been|should (?:also )?(?:count|be accepted)|could (?:also )?count|count(?:s)? too|also (?:be )?(?:right|correct|valid|accepted|true)|shouldn'?t|ambiguous|misleading|only if|I think|I believe|doubt|questionable|confusing|unclear|not sure|the key (?:is|looks|seems)|bad question|trick question)\b|\?\?/i;
const FIRST_PERSON_RE = /^(?:I|I'm|I've|I'd|Im|IMO|IMHO|my|me|we)\b/;

// "EDIT: fixed the typo in option A": the author reporting a change of their own, not an argument.
const OWN_CHANGE_RE =
  /^(?:I[ \t]+(?:have[ \t]+)?)?(?:fixed|corrected|updated|added|removed|reworded|renamed)\b/i;

export const soundsLikeDispute = (text: string) =>
  !OWN_CHANGE_RE.test(text.trim()) && DISPUTE_RE.test(text);
/** "I think …", "My answer …": a reader speaking, never an explanation. */
export const isFirstPerson = (text: string) => FIRST_PERSON_RE.test(text.trim());

const EXPLAINS_RE = /^(?:because|since|reason|solution|so\b|hint|this is because)|=/i;

/** A reader's remark (blockquote, EDIT, first-person): a dispute when it argues, else a comment. */
export const readerKind = (text: string): NoteKind =>
  soundsLikeDispute(text) ? 'dispute' : 'comment';

/**
 * Unlabelled free text after a question: a dispute when it argues, a comment when a reader speaks, the
 * explanation when it works towards the key (names a keyed option's text, or computes), else a
 * comment.
 */
export function classifyRemark(text: string, keyedOptionTexts: readonly string[]): RemarkKind {
  if (soundsLikeDispute(text)) return 'dispute';
  if (isFirstPerson(text)) return 'comment';
  const plain = normaliseText(text);
  const namesKey = keyedOptionTexts.some((t) => {
    const n = normaliseText(t);
    return n.length >= 2 && plain.includes(n);
  });
  return namesKey || EXPLAINS_RE.test(text.trim()) ? 'explanation' : 'comment';
}

const QUOTE_RE = /^[ \t]{0,3}>/;

/** "> a\n> b" → "a\nb"; undefined when the paragraph is not a blockquote. */
export function unquote(text: string): string | undefined {
  if (!QUOTE_RE.test(text)) return undefined;
  const lines = text.split('\n');
  return lines.map((l) => l.replace(/^[ \t]{0,3}>[ \t]?/, '')).join('\n');
}
