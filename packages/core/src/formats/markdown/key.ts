import { closestOption } from './closest';
import { normaliseText, stripBullet } from './lines';
import { parseOptionLine } from './option-line';

/** One statement of the key: its inline text ("A and D.", "C because …") and any listed entries. */
export interface AcceptedStatement {
  line: number;
  /** The text after "Answer:" etc.; '' when the entries follow as a list. */
  inline: string;
  /** "- B. text" or "- text" lines under the statement. */
  entries: { line: number; key?: string; text: string }[];
  /** Where it came from, for messages: "answer line", "answer key at line 40" … */
  source: string;
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
    .map((p) => p.replace(/^(?:[Oo]ptions?\s+)?([('"`*_]*)([A-Za-z])([)'"`*_.]*)$/, '$2'))
    .filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^[A-Za-z]$/.test(p))) return undefined;
  return parts.map((p) => p.toUpperCase());
}

// "C (since …)", "B because …", "B. The reason …", "A, C - both …": a key, then its reason.
const KEY_REASON_RE =
  /^((?:\*\*|__)?\(?[A-Za-z]\)?(?:\*\*|__)?(?:[ \t]*(?:,|&|\/|and)[ \t]*\(?[A-Za-z]\)?)*)(?:[ \t]*[.;:,)\u2013\u2014-][ \t]+|[ \t]+(?=\()|[ \t]+(?=(?:because|since|as|as the|due to|given)\b))(\S.*)$/i;

export function splitReason(rest: string): { keys: string[]; reason: string } | undefined {
  if (rest.length > 5000) return undefined;
  const m = KEY_REASON_RE.exec(rest);
  if (!m) return undefined;
  const keys = parseLetters(m[1] ?? '');
  if (!keys) return undefined;
  let reason = (m[2] ?? '').trim();
  if (reason.startsWith('(') && reason.endsWith(')') && !reason.slice(1, -1).includes(')'))
    reason = reason.slice(1, -1).trim();
  else if (reason.startsWith('(') && reason.endsWith(')')) {
    // "(since (32 - 5)/1 + 1 = 28 …)": drop the outer pair when it encloses the whole reason.
    let depth = 0;
    let whole = true;
    for (let i = 0; i < reason.length - 1; i++) {
      if (reason[i] === '(') depth++;
      else if (reason[i] === ')') depth--;
      if (depth === 0) {
        whole = false;
        break;
      }
    }
    if (whole) reason = reason.slice(1, -1).trim();
  }
  return reason === '' ? undefined : { keys, reason };
}

/** Does the rest of a "Solution:" line give a key (letters, or an option's text)? */
export function givesKey(rest: string, options: readonly { text: string }[]): boolean {
  const t = normaliseText(rest);
  return (
    parseLetters(rest) !== undefined ||
    splitReason(rest) !== undefined ||
    options.some((o) => normaliseText(o.text) === t)
  );
}

/** One bullet of an accepted-answers list: an option line ("- B. …") or an option's text. */
export function acceptedEntry(
  line: string,
  index: number,
): { line: number; key?: string; text: string } {
  const option = parseOptionLine(line, false);
  if (option?.key !== undefined && option.bullet)
    return { line: index, key: option.key, text: option.text };
  return { line: index, text: stripBullet(line).trim() };
}

export interface Resolved {
  answer: string[];
  issues: KeyIssue[];
  /** The reason given with the key ("Answer: C (since …)"). */
  reason?: string;
}

type Options = readonly { key: string; text: string; right: boolean }[];

const byText = (options: Options, text: string) =>
  options.find((o) => normaliseText(o.text) === normaliseText(text));

const noMatch = (label: string, text: string, options: Options) => {
  const near = closestOption(text, options);
  return `${label}: accepted answer "${text}" matches no option${near ? `; the closest is ${near.key} ("${near.text}")` : ''}`;
};

/** The keys one statement gives, with the problems it has. */
export function resolveStatement(options: Options, s: AcceptedStatement, label: string): Resolved {
  const keys = options.map((o) => o.key);
  const issues: KeyIssue[] = [];
  const chosen = new Set<string>();
  let reason: string | undefined;
  const inline = s.inline.replace(/\.$/, '').trim();
  if (inline !== '') {
    const letters = parseLetters(inline);
    const whole = byText(options, inline);
    const split = splitReason(s.inline);
    if (letters?.every((k) => keys.includes(k))) for (const k of letters) chosen.add(k);
    else if (whole) chosen.add(whole.key);
    else if (split?.keys.every((k) => keys.includes(k))) {
      for (const k of split.keys) chosen.add(k);
      reason = split.reason;
    } else {
      const texts = inline.split(/[ \t]*(?:;|,)[ \t]*/).map((t) => byText(options, t));
      if (texts.length > 1 && texts.every((o) => o !== undefined))
        for (const o of texts) chosen.add(o?.key ?? '');
      else if (letters) {
        const bad = letters.filter((k) => !keys.includes(k));
        issues.push({
          line: s.line,
          message: `${label}: accepted answer ${bad.join(', ')} is not among the options (${keys.join(', ')})`,
        });
      } else issues.push({ line: s.line, message: noMatch(label, inline, options) });
    }
  }
  for (const entry of s.entries) {
    if (entry.key !== undefined) {
      const option = options.find((o) => o.key === entry.key);
      if (option === undefined) {
        issues.push({
          line: entry.line,
          message: `${label}: accepted answer ${entry.key} is not among the options (${keys.join(', ')})`,
        });
      } else if (entry.text !== '' && normaliseText(entry.text) !== normaliseText(option.text)) {
        const other = byText(options, entry.text);
        issues.push({
          line: entry.line,
          message: `${label}: the accepted answer "${entry.key}. ${entry.text}" does not match option ${entry.key} ("${option.text}")${other ? `; its text is option ${other.key}'s` : ''}`,
        });
      } else chosen.add(entry.key);
      continue;
    }
    const match = byText(options, entry.text);
    if (match) chosen.add(match.key);
    else issues.push({ line: entry.line, message: noMatch(label, entry.text, options) });
  }
  if (inline === '' && s.entries.length === 0) {
    issues.push({
      line: s.line,
      message: `${label}: the accepted-answer statement lists no answer`,
    });
  }
  return { answer: keys.filter((k) => chosen.has(k)), issues, ...(reason ? { reason } : {}) };
}
