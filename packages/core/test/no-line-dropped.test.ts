import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainMarkdown } from '../src/formats/markdown/explain';
import { type Bank, parseBank } from '../src/index';
import { droppedLines } from './dropped-lines';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

/** Every string the bank holds, whitespace collapsed: where an imported line's text must be. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// Lines the format gives no content: blank, thematic breaks, stray empty bullets, quizdeck
// comments. Key statements become the `answer` (their agreement is tested elsewhere).
const SEPARATOR = /^\s*(?:(?:[-*_]\s*){3,}|[-*+]\s*|<!-- quizdeck:.*-->\s*)$/;
const KEY_STATEMENT = /^\W*(?:accepted answers?|correct answers?|answers?)\b/i;

/** The text a line contributes once its markup (heading, bullet, number, option label) is off. */
const content = (line: string) =>
  squash(
    line
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/^\s*[-*+]\s+/, '')
      .replace(
        /^\s*(?:\*\*|__)?\s*(?:(?:question\s+)?\(?\d+[.):]|[A-Z](?: RIGHT)?[.)])\s*(?:\*\*|__)?\s*/i,
        '',
      )
      .replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '')
      .replace(/^(?:explanation|dispute|comment|note)s?:\s*/i, '')
      .replace(/\s*\(?RIGHT\)?$/, ''),
  );

/** Lines whose text is in no field of the bank and in no diagnostic at that line. */
function dropped(text: string, file: string): string[] {
  const result = parseBank(text, { file, format: 'md' });
  expect(result.bank, JSON.stringify(result.diagnostics)).toBeDefined();
  const haystack = squash(stringsOf(result.bank as Bank).join('\n'));
  const reported = new Set(result.diagnostics.map((d) => d.line));
  const lines = text.split(/\r?\n/);
  const frontEnd = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  return lines.flatMap((line, i) => {
    if (i <= frontEnd || line.trim() === '' || SEPARATOR.test(line)) return [];
    if (KEY_STATEMENT.test(line) || reported.has(i + 1)) return [];
    const c = content(line);
    return c === '' || haystack.includes(c) ? [] : [`${file}:${i + 1}: ${line}`];
  });
}

describe('nothing is dropped silently', () => {
  it.each([
    'fixtures/seed-rnn-quiz.md',
    'fixtures/cnn-quiz.md',
    'fixtures/week3-quiz.md',
    '../../../banks/rnn-quiz.md',
  ])('every non-blank line of %s is in a field or a diagnostic', (path) => {
    expect(dropped(read(path), path)).toEqual([]);
  });

  it.each([
    'fixtures/seed-rnn-quiz.md',
    'fixtures/cnn-quiz.md',
    'fixtures/week3-quiz.md',
    '../../../banks/rnn-quiz.md',
  ])(
    'the importer records a field for every non-blank line of %s (or a diagnostic there)',
    (path) => {
      const text = read(path);
      const x = explainMarkdown(text, path);
      expect(droppedLines(text, x)).toEqual([]);
      // The field is the one that holds the line's text: spot checks on the seed's shapes.
      if (path.endsWith('seed-rnn-quiz.md')) {
        const field = (needle: string) =>
          x.fields[text.split('\n').findIndex((l) => l.includes(needle))];
        expect(field('1. While training a vanilla RNN')).toBe('prompt');
        expect(field('D RIGHT. Exploding gradients')).toBe('option D');
        expect(field('Accepted answer is A and D.')).toBe('key');
        expect(field("I think the 'learning rate'")).toBe('note (dispute)');
        expect(field('A company is trying to automate')).toBe('passage context-1 body');
        expect(field('I assume the input size')).toBe('passage context-2 notes');
        expect(field('LSTM have eight paramers')).toBe('explanation');
      }
    },
  );

  it('places odd lines (raw HTML, images, code, headings, trailing text) or reports them', () => {
    const odd = [
      'Some intro.',
      '',
      '<!-- a plain html comment -->',
      '',
      '1. First?',
      '',
      '- A RIGHT. one',
      '- B. two',
      '',
      '***',
      '',
      '## A heading in the middle',
      '',
      '<div>raw html</div>',
      '',
      '2. Second?',
      '- A. one',
      '- B RIGHT. two',
      '- ',
      '',
      '![img](x.png)',
      '',
      '```',
      'code line',
      '```',
      '',
      'Trailing words.',
      '',
      '- C. a late option-like line',
      '',
    ].join('\n');
    expect(dropped(odd, 'odd.md')).toEqual([]);
  });

  it('places a thematic break after a fence that is never closed (found by the fuzz test)', () => {
    const text = [
      '1. First?',
      '',
      '- A RIGHT. one',
      '- B. two',
      '',
      '2. Second, a fill-in?',
      '```',
      'code',
      '',
      '| Q | Answer |',
      '| 1 | a |',
      '*'.repeat(80),
      '| 2 | b |',
      '',
    ].join('\n');
    const x = explainMarkdown(text, 'fence.md');
    expect(x.diagnostics.map((d) => d.line)).toEqual([6]); // the fill-in question, no bank
    expect(droppedLines(text, x)).toEqual([]);
  });
});
