import type { Bank } from '../model/bank';
import { QuizdeckError } from '../model/errors';
import type { Question } from '../model/question';
import { type CheckResult, type CheckValue, evaluateCheck } from './evaluate-check';
import { parseCount, parseShape } from './parse-answer';

export interface KeyCheckIssue {
  questionId: string;
  message: string;
}

function sameValue(a: CheckValue, text: string): boolean {
  if (a.kind === 'count') return parseCount(text) === a.count;
  const shape = parseShape(text);
  return (
    shape !== undefined &&
    shape.length === a.shape.length &&
    shape.every((d, i) => d === a.shape[i])
  );
}

function quote(q: Question, keys: readonly string[]): string {
  return keys
    .map((k) => `${k} ("${q.options.find((o) => o.key === k)?.text.trim() ?? '?'}")`)
    .join(', ');
}

function checkQuestion(q: Question, result: CheckResult): string | undefined {
  const under = result.convention ? ` under the ${result.convention} convention` : '';
  const matching = q.options.filter((o) => sameValue(result.value, o.text)).map((o) => o.key);
  const keys = [...q.answer].sort();
  if (matching.length === 0) {
    return `the key ${quote(q, keys)} disagrees with the math: ${result.description}${under}, and no option says so`;
  }
  if (matching.length !== keys.length || matching.some((k, i) => k !== keys[i])) {
    const s = matching.length > 1 ? 's' : '';
    return `the key ${quote(q, keys)} disagrees with the math: ${result.description}${under}, which is option${s} ${matching.join(', ')}`;
  }
  return undefined;
}

/**
 * Computes every question's `check` and compares it with the key's option text. Returns one issue
 * per question whose key disagrees (or whose check cannot be computed), naming the computed value
 * and the convention.
 */
export function checkAnswerKeys(bank: Bank): KeyCheckIssue[] {
  const issues: KeyCheckIssue[] = [];
  for (const q of bank.questions) {
    if (q.check === undefined) continue;
    let result: CheckResult;
    try {
      result = evaluateCheck(q.check);
    } catch (error) {
      if (!(error instanceof QuizdeckError)) throw error;
      issues.push({ questionId: q.id, message: `the check cannot be computed: ${error.message}` });
      continue;
    }
    const message = checkQuestion(q, result);
    if (message !== undefined) issues.push({ questionId: q.id, message });
  }
  return issues;
}
