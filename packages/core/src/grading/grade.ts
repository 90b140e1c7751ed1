import type { OptionKey } from '../model/option';
import type { Question } from '../model/question';
import { isMultipleChoice } from '../model/several-picks';
import type { GradeResult } from './grade-result';
import type { ScoringPolicy } from './scoring-policy';

export { isMultipleChoice };

/**
 * Grades one player's picks. Duplicate picks count once; a pick that is no option of the question
 * counts as a wrong pick. Several picks on a single-answer question are wrong under every policy
 * (hedging never earns points).
 */
export function grade(
  question: Pick<Question, 'options' | 'answer' | 'multiple'>,
  selected: readonly string[],
  policy: ScoringPolicy = 'exact',
): GradeResult {
  const picks = new Set(selected);
  const key = new Set<string>(question.answer);
  const order = new Map(question.options.map((o, i) => [o.key, i]));
  const byOptionOrder = (a: string, b: string) =>
    (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) ||
    a.localeCompare(b);

  const missed: OptionKey[] = question.answer.filter((k) => !picks.has(k)).sort(byOptionOrder);
  const wrong = [...picks].filter((k) => !key.has(k)).sort(byOptionOrder);
  if (picks.size === 0) return { verdict: 'unanswered', score: 0, missed, wrong };

  const right = key.size - missed.length;
  if (!isMultipleChoice(question) && picks.size > 1) {
    return { verdict: 'wrong', score: 0, missed, wrong };
  }
  if (missed.length === 0 && wrong.length === 0) {
    return { verdict: 'correct', score: 1, missed, wrong };
  }
  if (policy === 'exact') return { verdict: 'wrong', score: 0, missed, wrong };

  const score = Math.max(0, (right - wrong.length) / key.size);
  return { verdict: score > 0 ? 'partial' : 'wrong', score, missed, wrong };
}
