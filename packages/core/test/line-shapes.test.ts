import { describe, expect, it } from 'vitest';
import {
  ANSWER_RE,
  mayStartKey,
  NEAR_RE,
  SPOILER_RE,
  WRAPPED_RE,
} from '../src/formats/markdown/answer-line';
import { bulletEnd, isWhiteAt } from '../src/formats/markdown/chars';
import { fenceOf, opensDetails } from '../src/formats/markdown/items';
import {
  firstNonBlank,
  isBullet,
  isEmptyBullet,
  isPinnedText,
  isRule,
  stripBullet,
} from '../src/formats/markdown/lines';
import { readOptionLabel } from '../src/formats/markdown/option-label';
import {
  isMarkEdge,
  LEADING_MARK_RE,
  mayLeadMark,
  TRAILING_MARK_RE,
} from '../src/formats/markdown/option-line';
import { continuesOption } from '../src/formats/markdown/question-options';
import { LABEL_RE, mayStartLabel } from '../src/formats/markdown/remarks';
import { LINES } from './line-shape-samples';

// The line readers test shapes by char code where a regex would say the same; each check here
// holds one of them to the regex it stands for (the regexes the code used before), on corpus lines
// and on lines made of the characters and words those regexes turn on.

/** The regex's captures as the label reader reports them. */
function labelByRegex(s: string) {
  const m =
    /^(\*\*|__)?(?:\(([A-Za-z])\)|([A-Za-z])(?:[ \t]+(RIGHT|CORRECT|[Rr]ight|[Cc]orrect))?(\*\*|__)?([.):]))(\*\*|__)?(?=[ \t]|$)/.exec(
      s,
    );
  if (!m) return undefined;
  return {
    end: m[0].length,
    letter: m[2] ?? m[3],
    paren: m[2] !== undefined,
    marked: m[4] !== undefined,
    open: m[1],
    closing: m[5] ?? m[7],
    punct: m[6] ?? '',
  };
}

/** The lines on which `fast` and `slow` disagree (at most a few, for the message). */
function disagreements<T>(fast: (line: string) => T, slow: (line: string) => T): string[] {
  const out: string[] = [];
  for (const line of LINES) {
    const a = fast(line);
    const b = slow(line);
    if (JSON.stringify(a) !== JSON.stringify(b) && out.length < 5)
      out.push(`${JSON.stringify(line)}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  return out;
}

const everyIndex = (line: string) => Array.from({ length: line.length + 1 }, (_, k) => k);
const starts = (line: string) => [0, firstNonBlank(line), Math.max(0, bulletEnd(line))];

describe('char-code line tests agree with their regexes', () => {
  it('reads lines made to be hard', () => {
    expect(LINES.length).toBeGreaterThan(80000);
    expect(LINES.filter((l) => isRule(l)).length).toBeGreaterThan(10);
    const marked = LINES.filter((l) => starts(l).some((k) => readOptionLabel(l, k)?.marked));
    expect(marked.length).toBeGreaterThan(100);
  });

  it('white space, bullets, breaks, fences', () => {
    const cases: [string, (l: string) => unknown, (l: string) => unknown][] = [
      [
        'isWhiteAt',
        (l) => everyIndex(l).map((k) => isWhiteAt(l, k)),
        (l) => everyIndex(l).map((k) => /\s/.test(l.charAt(k))),
      ],
      ['bulletEnd', bulletEnd, (l) => /^[ \t]*[-*+][ \t]+/.exec(l)?.[0].length ?? -1],
      ['isBullet', isBullet, (l) => /^[ \t]*[-*+][ \t]+\S/.test(l)],
      ['isEmptyBullet', isEmptyBullet, (l) => /^[ \t]*[-*+][ \t]*$/.test(l)],
      ['stripBullet', stripBullet, (l) => l.replace(/^[ \t]*[-*+][ \t]+/, '')],
      ['isRule', isRule, (l) => /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(l)],
      ['fenceOf', fenceOf, (l) => /^[ \t]{0,3}(```|~~~)/.exec(l)?.[1]],
      ['opensDetails', opensDetails, (l) => /^[ \t]{0,3}<details\b/i.test(l)],
      ['continuesOption', continuesOption, (l) => /^[ \t]{2,}\S/.test(l)],
      ['firstNonBlank', firstNonBlank, (l) => l.length - l.trimStart().length],
      [
        'isPinnedText',
        isPinnedText,
        (l) =>
          /^(?:\*\*|__)?(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|them|those)\b/i.test(
            l.trimStart(),
          ),
      ],
    ];
    for (const [name, fast, slow] of cases) expect(disagreements(fast, slow), name).toEqual([]);
  });

  it('option labels', () => {
    const fast = (l: string) => starts(l).map((from) => readOptionLabel(l, from));
    const slow = (l: string) =>
      starts(l).map((from) => {
        const m = labelByRegex(l.slice(from));
        return m && { ...m, end: from + m.end };
      });
    expect(disagreements(fast, slow)).toEqual([]);
  });

  it('first-character filters pass every line their regexes can match', () => {
    const key = (l: string) => mayStartKey(l);
    const keyRegexes = (l: string) =>
      [ANSWER_RE, NEAR_RE, SPOILER_RE, WRAPPED_RE].some((re) => re.test(l.trim()));
    expect(LINES.filter(keyRegexes).length).toBeGreaterThan(200);
    expect(
      disagreements(
        (l) => key(l) || !keyRegexes(l),
        () => true,
      ),
    ).toEqual([]);
    expect(LINES.filter((l) => LABEL_RE.test(l)).length).toBeGreaterThan(40);
    const label = (l: string) => mayStartLabel(l.charCodeAt(0)) || !LABEL_RE.test(l);
    expect(disagreements(label, () => true)).toEqual([]);
    expect(LINES.filter((l) => LEADING_MARK_RE.test(l)).length).toBeGreaterThan(100);
    const lead = (l: string) => mayLeadMark(l, 0) || !LEADING_MARK_RE.test(l);
    expect(disagreements(lead, () => true)).toEqual([]);
  });

  it('texts without a mark edge hold no mark', () => {
    const noEdge = (t: string) =>
      !isMarkEdge(t.charCodeAt(0)) && !isMarkEdge(t.charCodeAt(t.length - 1));
    const marked = (t: string) =>
      LEADING_MARK_RE.test(t) || TRAILING_MARK_RE.test(t) || /^(?:\*\*|__)/.test(t);
    expect(
      disagreements(
        (l) => !(noEdge(l.trim()) && marked(l.trim())),
        () => true,
      ),
    ).toEqual([]);
  });
});
