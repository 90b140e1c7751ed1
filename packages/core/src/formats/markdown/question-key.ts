import type { Builder } from './builder';
import { type AcceptedStatement, resolveStatement } from './key';
import type { DraftOption } from './question-options';

export interface DecidedKey {
  answer: string[];
  failed: boolean;
  reason?: string;
  /** The RIGHT marks differ from the accepted answer: kept as a comment. */
  disagreement?: string;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k) => b.includes(k));

/**
 * The key of a question: its accepted statements (they must agree), else the end-of-file answer
 * key, else the marks on its options. Every problem is reported at its line.
 */
export function decideKey(
  b: Builder,
  options: readonly DraftOption[],
  statements: readonly AcceptedStatement[],
  endKey: AcceptedStatement | undefined,
  label: string,
  noKeyLine: number,
): DecidedKey {
  if (options.length === 0) {
    b.report(
      'error',
      noKeyLine === -1 ? 0 : noKeyLine,
      'no-options',
      `${label} has no options: quizdeck plays multiple-choice questions (write them as "- A. …" lines under the question)`,
    );
    return { answer: [], failed: true };
  }
  const marked = options.filter((o) => o.right).map((o) => o.key);
  const all = endKey ? [...statements, endKey] : statements;
  let failed = false;
  let first: { answer: string[]; statement: AcceptedStatement; reason?: string } | undefined;
  for (const s of all) {
    const r = resolveStatement(options, s, label);
    for (const issue of r.issues) b.report('error', issue.line, 'key', issue.message);
    if (r.issues.length > 0) {
      failed = true;
      continue;
    }
    if (first === undefined) {
      first = { answer: r.answer, statement: s, ...(r.reason ? { reason: r.reason } : {}) };
      continue;
    }
    if (same(first.answer, r.answer)) {
      b.report(
        'warning',
        s.line,
        'accepted-twice',
        `${label}: a second key statement (${s.source}) repeats the key ${r.answer.join(', ')}`,
      );
      if (r.reason) first.reason = first.reason ? `${first.reason}\n\n${r.reason}` : r.reason;
    } else {
      b.report(
        'error',
        s.line,
        'accepted-twice',
        `${label}: a second key statement "${(b.lines[s.line] ?? '').trim()}" gives ${r.answer.join(', ')}, but the first (${first.statement.source}) gives ${first.answer.join(', ')}`,
      );
      failed = true;
    }
  }
  if (failed) return { answer: first?.answer ?? marked, failed };
  if (first === undefined) {
    if (marked.length > 0) return { answer: marked, failed: false };
    b.report(
      'error',
      noKeyLine,
      'no-key',
      `${label} has no key: mark the right options RIGHT or add an "Accepted answer" line`,
    );
    return { answer: [], failed: true };
  }
  const result: DecidedKey = { answer: first.answer, failed: false };
  if (first.reason) result.reason = first.reason;
  if (marked.length > 0 && !same(marked, first.answer)) {
    result.disagreement = `The options marked RIGHT (${marked.join(', ')}) differ from the accepted answer (${first.answer.join(', ')}).`;
  }
  return result;
}
