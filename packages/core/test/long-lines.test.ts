import { describe, expect, it } from 'vitest';
import { explainMarkdown } from '../src/formats/markdown/explain';
import { parseBank } from '../src/index';
import { droppedLines } from './dropped-lines';

// Lines a regex could backtrack on, or that the importer could rescan once per character: each
// must come back with its diagnostics (completion is asserted, never a time).
const N = 100_000;
const LONG_LINES: [string, string][] = [
  ['a prompt of spaces', `1. ${' '.repeat(N)}x?`],
  ['options with labels after runs of spaces', `- A. x${'  B) y'.repeat(N / 10)}`],
  ['a key line of parentheses', `Answer: ${'('.repeat(N)}`],
  ['an answer head repeated', `${'Answer '.repeat(N / 10)}B`],
  ['nested blockquote markers', `${'> '.repeat(N)}why`],
  ['emphasis runs', `${'**'.repeat(N)}B RIGHT.`],
  ['marks after a long text', `- B. ${'x '.repeat(N)}${' ✓'.repeat(1000)}`],
  ['a dispute word soup', `I think ${'wrong should '.repeat(N / 10)}`],
  ['a range-like sentence', `questions ${'1 to '.repeat(N / 5)}`],
  [
    'a flow mapping of many keys',
    `<!-- quizdeck: {${Array.from({ length: N / 10 }, (_, i) => `k${i}: v`).join(', ')}} -->`,
  ],
];

describe('long and pathological lines', () => {
  it.each(LONG_LINES)(
    '%s: parsed with every line placed or reported',
    (_name, line) => {
      const text = `1. Which?\n\n- A. one\n- B. two\n\n${line}\n\n2. Next?\n\n- A RIGHT. one\n- B. two\n`;
      const result = parseBank(text, { file: 'long.md', format: 'md' });
      expect(Array.isArray(result.diagnostics)).toBe(true);
      expect(droppedLines(text, explainMarkdown(text, 'long.md'))).toEqual([]);
    },
    60_000,
  );

  it('an unclosed quizdeck comment of 100,000 characters is an error at its line', () => {
    const text = `1. Which?\n\n- A RIGHT. one\n- B. two\n\n<!-- quizdeck: {id: ${'x'.repeat(N)}\n`;
    const result = parseBank(text, { file: 'long.md', format: 'md' });
    expect(result.diagnostics.map((d) => [d.line, d.severity])).toContainEqual([6, 'error']);
  });

  it('a file of 20,000 questions with a 1 MB line between them', () => {
    const q = (n: number) => `${n}. Which?\n- A RIGHT. one\n- B. two\n`;
    const half = (from: number) => Array.from({ length: 10_000 }, (_, i) => q(from + i)).join('');
    const text = `${half(1)}\n${'word '.repeat(200_000)}\n\n${half(10_001)}`;
    const result = parseBank(text, { file: 'big.md', format: 'md' });
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(false);
    expect(result.bank?.questions.length).toBe(20_000);
  }, 120_000);
});
