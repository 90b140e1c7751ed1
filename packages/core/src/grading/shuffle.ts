import type { Option, OptionKey } from '../model/option';
import type { Question } from '../model/question';
import { seededRandom } from './prng';

export interface ShuffledQuestion {
  /** Options relabelled A, B, … in their new order, pinned ones last; the key relabelled. */
  question: Question;
  /** New key → key in the original question. */
  toOriginal: Record<OptionKey, OptionKey>;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Shuffles a question's options deterministically: the same question and seed always give the same
 * order. The question id is mixed into the seed, so one seed per quiz session still gives every
 * question its own order. Pinned options ("All of the above") keep their relative order, last.
 * Letters quoted inside prose (explanation, notes) are not rewritten; show them with the original
 * keys through `toOriginal`.
 */
export function shuffleQuestion(question: Question, seed: string | number): ShuffledQuestion {
  const random = seededRandom(`${String(seed)}\u0000${question.id}`);
  const free = question.options.filter((o) => !o.pinned);
  const pinned = question.options.filter((o) => o.pinned);
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = free[i] as Option;
    free[i] = free[j] as Option;
    free[j] = swap;
  }
  const toOriginal: Record<OptionKey, OptionKey> = {};
  const fromOriginal = new Map<OptionKey, OptionKey>();
  const options = [...free, ...pinned].map((o, i) => {
    const key = LETTERS.charAt(i);
    toOriginal[key] = o.key;
    fromOriginal.set(o.key, key);
    return { ...o, key };
  });
  const answer = question.answer
    .map((k) => fromOriginal.get(k) ?? k)
    .sort((a, b) => LETTERS.indexOf(a) - LETTERS.indexOf(b));
  return { question: { ...question, options, answer }, toOriginal };
}
