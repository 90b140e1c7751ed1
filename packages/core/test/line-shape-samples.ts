import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/index';

// Test helper: lines for the line-shape tests, from the corpus and made of the characters and
// words the line readers' regexes turn on (labels, marks, key statements, remark labels).

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

/** Corpus lines and about 110k generated ones. */
export const LINES = [
  ...lines('line-shapes', 40000),
  ...labelLines('labels', 40000),
  ...statementLines('statements', 20000),
  ...markLines('marks', 10000),
];
