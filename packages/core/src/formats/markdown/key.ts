import { matchOption, normaliseText, stripBullet } from './lines';

/** An "Accepted answer(s)" statement: letters, or option texts one per bullet. */
export interface AcceptedStatement {
  line: number;
  entries: { line: number; key?: string; text?: string }[];
}

export interface KeyIssue {
  line: number;
  message: string;
}

const LETTERS_SPLIT = /,|;|&|\/|\band\b|\bor\b/i;

/** "A and D." → [A, D]; undefined when the statement is not a list of letters. */
export function parseLetters(rest: string): string[] | undefined {
  const parts = rest
    .replace(/[.]$/, '')
    .split(LETTERS_SPLIT)
    .map((p) => p.trim())
    // "(A)", "option A", "'A'", "**A**", "`a`": one letter, quoted or emphasised, either case.
    .map((p) => p.replace(/^(?:[Oo]ptions?\s+)?([('"`*_]*)([A-Za-z])([)'"`*_]*)$/, '$2'))
    .filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^[A-Za-z]$/.test(p))) return undefined;
  return parts.map((p) => p.toUpperCase());
}

/** One bullet of an accepted-answers list: an option line ("- B. …") or an option's text. */
export function acceptedEntry(
  line: string,
  index: number,
): { line: number; key?: string; text?: string } {
  const option = matchOption(line);
  if (option) return { line: index, key: option.key };
  return { line: index, text: stripBullet(line).trim() };
}

export interface Resolved {
  answer: string[];
  issues: KeyIssue[];
  disagreement?: string;
}

/**
 * The key: the accepted statement when there is one (its disagreement with the RIGHT marks becomes a
 * note), else the RIGHT marks.
 */
export function resolveKey(
  options: readonly { key: string; text: string; right: boolean }[],
  accepted: AcceptedStatement | undefined,
  questionLabel: string,
  questionLine: number,
): Resolved {
  const marked = options.filter((o) => o.right).map((o) => o.key);
  const keys = options.map((o) => o.key);
  if (options.length === 0) {
    return {
      answer: [],
      issues: [
        {
          line: questionLine,
          message: `${questionLabel} has no options (write them as "- A. …" lines)`,
        },
      ],
    };
  }
  if (accepted === undefined) {
    if (marked.length > 0) return { answer: marked, issues: [] };
    return {
      answer: [],
      issues: [
        {
          line: questionLine,
          message: `${questionLabel} has no key: mark the right options RIGHT or add an "Accepted answer" line`,
        },
      ],
    };
  }
  const issues: KeyIssue[] = [];
  const chosen = new Set<string>();
  for (const entry of accepted.entries) {
    const byText = (text: string) =>
      options.find((o) => normaliseText(o.text) === normaliseText(text));
    if (entry.key !== undefined) {
      const asText = entry.text === undefined ? undefined : byText(entry.text);
      if (keys.includes(entry.key)) chosen.add(entry.key);
      else if (asText) chosen.add(asText.key);
      else {
        issues.push({
          line: entry.line,
          message: `${questionLabel}: accepted answer ${entry.key} is not among the options (${keys.join(', ')})`,
        });
      }
      continue;
    }
    const match = byText(entry.text ?? '');
    if (match) chosen.add(match.key);
    else {
      issues.push({
        line: entry.line,
        message: `${questionLabel}: accepted answer "${entry.text}" matches no option`,
      });
    }
  }
  if (accepted.entries.length === 0) {
    issues.push({
      line: accepted.line,
      message: `${questionLabel}: the accepted-answer statement lists no answer`,
    });
  }
  const answer = keys.filter((k) => chosen.has(k));
  const result: Resolved = { answer, issues };
  const same = marked.length === answer.length && marked.every((k) => chosen.has(k));
  if (marked.length > 0 && !same && issues.length === 0) {
    result.disagreement = `The options marked RIGHT (${marked.join(', ')}) differ from the accepted answer (${answer.join(', ')}).`;
  }
  return result;
}
