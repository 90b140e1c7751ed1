import { impliedMultiple } from '../../model/several-picks';
import { isBlank, isPinnedText } from './lines';
import type { DraftOption } from './question-options';

/** What a question's block gave, for its bank fields. */
export interface QuestionParts {
  /** The number its line has. */
  number: string;
  /** What its quizdeck comments set. */
  set: Record<string, unknown>;
  prompt: string;
  options: readonly DraftOption[];
  answer: string[];
  explanations: readonly string[];
  notes: { kind: string; text: string }[];
}

/** The question's fields for the bank candidate, keys in this order, optional ones only when set. */
export function questionFields(p: QuestionParts): Record<string, unknown> {
  const { set } = p;
  const pinned = Array.isArray(set.pinned) ? set.pinned : [];
  const id = set.id ?? `q${p.number}`;
  const number = set.number === undefined ? p.number : String(set.number);
  // Each option in one literal: adding `pinned` later would give options two shapes.
  const options: { key: string; text: string; pinned?: true }[] = [];
  for (const o of p.options)
    options.push(
      isPinnedText(o.text) || pinned.includes(o.key)
        ? { key: o.key, text: o.text, pinned: true }
        : { key: o.key, text: o.text },
    );
  const multiple = set.multiple ?? impliedMultiple(p.answer, p.prompt);
  let out: Record<string, unknown>;
  if (set.number !== null && !('context' in set) && p.explanations.length > 0) {
    // The usual shape in one literal: a question's fields are kept, added keys would be copied.
    const explanation = p.explanations.join('\n\n');
    const { prompt, answer, notes } = p;
    if (set.tags !== undefined && set.check !== undefined) {
      const { tags, check } = set;
      return { id, number, prompt, options, answer, multiple, explanation, notes, tags, check };
    }
    out = { id, number, prompt, options, answer, multiple, explanation, notes };
  } else {
    out = { id };
    if (set.number !== null) out.number = number;
    if ('context' in set) out.context = set.context;
    out.prompt = p.prompt;
    out.options = options;
    out.answer = p.answer;
    out.multiple = multiple;
    if (p.explanations.length > 0) out.explanation = p.explanations.join('\n\n');
    out.notes = p.notes;
  }
  if (set.tags !== undefined) out.tags = set.tags;
  if (set.check !== undefined) out.check = set.check;
  return out;
}

/** lines.join('\n').trim(), without joining when one line holds all the text. */
export function promptText(lines: readonly string[]): string {
  let first = 0;
  while (first < lines.length && isBlank(lines[first] ?? '')) first++;
  if (first === lines.length) return '';
  let last = lines.length - 1;
  while (isBlank(lines[last] ?? '')) last--;
  if (first === last) return (lines[first] ?? '').trim();
  return lines
    .slice(first, last + 1)
    .join('\n')
    .trim();
}

/** A remark's paragraphs, blank ones left out, as one text. */
export function joinParts(parts: readonly string[]): string {
  if (parts.length === 1) return isBlank(parts[0] ?? '') ? '' : (parts[0] ?? '');
  return parts.some(isBlank) ? parts.filter((p) => !isBlank(p)).join('\n\n') : parts.join('\n\n');
}

const OPTION_FIELDS: string[] = [];

/** "option B": one string per letter, not one per line (they are kept for the whole file). */
export function optionField(key: string): string {
  const code = key.length === 1 ? key.charCodeAt(0) : 128;
  if (code >= 128) return `option ${key}`;
  let field = OPTION_FIELDS[code];
  if (field === undefined) {
    field = `option ${key}`;
    OPTION_FIELDS[code] = field;
  }
  return field;
}

/** "note (comment)": the field of a remark's lines. */
export const noteField = (kind: string) =>
  kind === 'comment' ? 'note (comment)' : kind === 'dispute' ? 'note (dispute)' : `note (${kind})`;
