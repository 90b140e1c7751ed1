import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
import { seededRandom } from '../src/index';

// The line readers test shapes by char code where a regex would say the same; each check here
// holds one of them to the regex it stands for (the regexes the code used before), on corpus lines
// and on lines made of the characters and words those regexes turn on.

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const CORPUS_LINES = readdirSync(here('corpus'))
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => readFileSync(here(`corpus/${f}`), 'utf8').split('\n'));

const TOKENS = [
  ' ',
  ' ',
  ' ',
  '\t',
  '-',
  '*',
  '+',
  '_',
  '#',
  '`',
  '~',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '.',
  ':',
  ',',
  '|',
  '=',
  'A',
  'a',
  'B',
  'b',
  'Z',
  'x',
  'X',
  'q',
  '1',
  '12',
  'RIGHT',
  'Right',
  'right',
  'CORRECT',
  'correct',
  'Correct',
  'answer',
  'Answer',
  'Ans.',
  'the',
  'key',
  'Solution',
  'Explanation',
  'note',
  'EDIT',
  'details',
  '<details>',
  '**',
  '__',
  '```',
  '~~~',
  '✓',
  '✅',
  '\uFE0F',
  '←',
  '—',
  '\u00a0',
  '\u2003',
  '\ufeff',
  '\u2028',
  '\r',
  '\v',
  '\f',
  'é',
  '\ud83d',
];

const pick = (random: () => number, list: readonly string[]) =>
  list[Math.floor(random() * list.length)] ?? '';

function lines(seed: string, count: number): string[] {
  const random = seededRandom(seed);
  const out = [...CORPUS_LINES];
  for (let n = 0; n < count; n++) {
    let line = '';
    const length = Math.floor(random() * 9);
    for (let k = 0; k < length; k++) line += pick(random, TOKENS);
    out.push(line);
  }
  return out;
}

/** Option-like lines: each part of a label present, absent or a near miss. */
function labelLines(seed: string, count: number): string[] {
  const random = seededRandom(seed);
  const parts = [
    ['', '', '  ', '\t', '- ', '* ', '+ ', '-\t', '- [x] ', '- [ ] ', '1. '],
    ['', '', '**', '__', '*', '_', '***'],
    ['A', 'b', 'Z', '(c)', '(D)', '(dd)', '(', 'é', '1', ''],
    ['', '', ' ', '  ', '\t'],
    [
      '',
      '',
      'RIGHT',
      'Right',
      'right',
      'CORRECT',
      'Correct',
      'correct',
      'RIGHTS',
      'rIGHT',
      'Wrong',
    ],
    ['', '', '**', '__', '*'],
    ['.', ')', ':', '', ',', ';'],
    ['', '', '**', '__', '*', '_'],
    ['', ' ', '\t', '  ', 'x', '\u00a0', '.'],
    ['', 'text', 'B) two', 'RIGHT', '✓', '**'],
  ];
  const out: string[] = [];
  for (let n = 0; n < count; n++) out.push(parts.map((p) => pick(random, p)).join(''));
  return out;
}

/** Key statements and remark labels, whole or nearly. */
function statementLines(seed: string, count: number): string[] {
  const random = seededRandom(seed);
  const parts = [
    ['', '', ' ', '- ', '* ', '+ ', '-', '*', '(', '_', '||', '>'],
    ['', '', '**', '__', '*'],
    ['', '', '', 'The ', 'the official ', 'Accepted ', 'correct ', 'RIGHT ', 'Official '],
    ['answer', 'Answers', 'answer(s)', 'Ans.', 'ans', 'KEY', 'Solution', 'options', 'choice', ''],
    [
      '',
      'Explanation',
      'Explanations',
      'dispute',
      'Comments',
      'NOTE',
      'edit',
      'Update',
      'remarks',
      'Note',
    ],
    ['', '**', '__'],
    [':', ' is', ' are', ' -', '=', ' ', ':-', '—', ' :', ''],
    ['', ' B', ' (a)', ' a and c', 'B)', '*', '||', '_', ')', ' C because x'],
  ];
  const out: string[] = [];
  for (let n = 0; n < count; n++) out.push(parts.map((p) => pick(random, p)).join(''));
  return out;
}

/** Key marks as a line or an option's text starts or ends with them. */
function markLines(seed: string, count: number): string[] {
  const random = seededRandom(seed);
  const parts = [
    ['', '', 'text ', 'x -', 'y <- ', 'z — ', '- ', '- A. '],
    ['', '', '**', '__', '*'],
    ['✓', '✔\uFE0F', '✅', '☑', '(correct)', '( Right )', '[correct]', 'right', 'CORRECT', 'rite'],
    ['', '', '**', '__'],
    ['', ' ', '\t', 'x', ' A. text', '.'],
  ];
  const out: string[] = [];
  for (let n = 0; n < count; n++) out.push(parts.map((p) => pick(random, p)).join(''));
  return out;
}

const LINES = [
  ...lines('line-shapes', 40000),
  ...labelLines('labels', 40000),
  ...statementLines('statements', 20000),
  ...markLines('marks', 10000),
];

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
