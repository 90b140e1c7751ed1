import { stripHtmlPreservingMedia } from '../apkg';

/** Below this share of words in common, prompt or options are "mostly different". */
const EDIT_SIMILARITY = 0.5;

function words(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of stripHtmlPreservingMedia(html)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of the two texts' words (with repeats): 1 for the same words, 0 for none. */
export function wordSimilarity(a: string, b: string): number {
  const [x, y] = [words(a), words(b)];
  let common = 0;
  let total = 0;
  for (const [word, n] of x) {
    common += Math.min(n, y.get(word) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 1 : (2 * common) / total;
}

/**
 * Whether a note's question was edited (a fixed typo, a reworded option) rather than replaced by
 * another question: an edit keeps most of the words of the prompt or of the options.
 */
export function isEditOf(
  before: { prompt: string; options: string },
  after: { prompt: string; options: string },
): boolean {
  return (
    wordSimilarity(before.prompt, after.prompt) >= EDIT_SIMILARITY ||
    wordSimilarity(before.options, after.options) >= EDIT_SIMILARITY
  );
}

/** A note whose id now holds another question (not an edit of the one before). */
export interface IdentityChange {
  /** The note's `Id` field: `bank-id/question-id`. */
  id: string;
  was: string;
  now: string;
}

const quote = (text: string) => JSON.stringify(text.length > 100 ? `${text.slice(0, 99)}…` : text);

/** What the export says of notes whose id now holds another question: each, then the fix. */
export function identityReport(changes: readonly IdentityChange[], file: string): string {
  const lines = changes.flatMap((c) => [
    `${c.id}: now another question than in ${file}`,
    `  was: ${quote(c.was)}`,
    `  now: ${quote(c.now)}`,
  ]);
  return [
    ...lines,
    `Importing this would move members' review history of ${changes.length === 1 ? 'that question' : 'those questions'} onto another one.`,
    'Positional ids (q1, q2, … ) move when a question is inserted or removed: give every question an',
    'id of its own with `pnpm quizdeck ids --write BANK`, or put the old ids back, then export again.',
  ].join('\n');
}
