import { describe, expect, it } from 'vitest';
import { parseBank } from '../src/index';

// A passage applies from where it stands until the next passage, a thematic break, a section
// heading of its level or higher, or the end of the range it states.
const parse = (text: string) => parseBank(text, { file: 'p.md', format: 'md' });
const q = (n: number, key = 'A') =>
  `${n}. Question ${n}?\n\n- A${key === 'A' ? ' RIGHT' : ''}. x\n- B${key === 'B' ? ' RIGHT' : ''}. y\n\n`;
const scenario =
  'A hospital deploys a model that flags chest X-rays for review; on a test set of 1000 X-rays with 100 positives the model flags 150, of which 90 are true positives. Answer the following questions.\n\n';
const contextOf = (text: string) => parse(text).bank?.questions.map((x) => x.context ?? '-');

describe('passage scope', () => {
  it('ends at a thematic break', () => {
    expect(contextOf(`${q(1)}${scenario}${q(2)}${q(3)}***\n\n${q(4)}`)).toEqual([
      '-',
      'context-1',
      'context-1',
      '-',
    ]);
  });

  it('ends at a section heading, but not at a heading that is a question', () => {
    const text = `${q(1)}${scenario}## 2. Question two?\n\n- A RIGHT. x\n- B. y\n\n${q(3)}## Part B\n\n${q(4)}`;
    expect(contextOf(text)).toEqual(['-', 'context-1', 'context-1', '-']);
  });

  it('titles a passage with a heading that has its text right under it, as with a blank line', () => {
    const body = 'A hospital trains a CNN on chest X-rays. Questions 1 to 2 use this setup.';
    for (const gap of ['\n', '\n\n']) {
      const r = parse(`# Quiz\n\n## Case study: X-rays${gap}${body}\n\n${q(1)}${q(2)}${q(3)}`);
      expect(r.bank?.contexts).toEqual([{ id: 'context-1', title: 'Case study: X-rays', body }]);
      expect(r.bank?.questions.map((x) => x.context ?? '-')).toEqual([
        'context-1',
        'context-1',
        '-',
      ]);
    }
  });

  it('ends a titled passage at a heading of its level or higher only', () => {
    const text = `## Case study\n\n${scenario}${q(1)}### Harder ones\n\n${q(2)}## Part B\n\n${q(3)}`;
    const r = parse(text);
    expect(r.bank?.contexts.map((c) => c.title)).toEqual(['Case study']);
    expect(r.bank?.questions.map((x) => x.context ?? '-')).toEqual(['context-1', 'context-1', '-']);
  });

  it.each([
    ['Questions 2 to 3 refer to this setup.', ['-', 'context-1', 'context-1', '-']],
    ['Use this for Q2–Q3.', ['-', 'context-1', 'context-1', '-']],
    ['Use it for the next two questions.', ['-', 'context-1', 'context-1', '-']],
  ])('ends where its stated range ends: "%s"', (range, contexts) => {
    const text = `${q(1)}A team trains a small CNN on 64x64 images. ${range}\n\n${q(2)}${q(3)}${q(4)}`;
    expect(contextOf(text)).toEqual(contexts);
  });

  it('warns when a passage applies to many questions with nothing to bound it', () => {
    const text = `${q(1)}${scenario}${[2, 3, 4, 5, 6, 7].map((n) => q(n)).join('')}`;
    const r = parse(text);
    expect(r.bank?.questions.filter((x) => x.context === 'context-1')).toHaveLength(6);
    expect(r.diagnostics.map((d) => [d.line, d.code])).toEqual([[6, 'passage-unbounded']]);
    expect(parse(`${text}---\n\n${q(8)}`).diagnostics).toEqual([]);
  });

  it('makes intro prose the bank description, never a passage, and reads a setext title', () => {
    const r = parse(
      `Week 6 quiz\n===========\n\nThis quiz covers lectures 11 and 12. Good luck!\n\n${q(1)}${q(2)}`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.bank).toMatchObject({
      title: 'Week 6 quiz',
      description: 'This quiz covers lectures 11 and 12. Good luck!',
      contexts: [],
    });
  });

  it.each([
    [
      'a `# Title` after the intro',
      `Some intro about the quiz.\n\n# Real title\n\n${q(1)}`,
      'Real title',
    ],
    ['a first-line heading of another level', `## Quiz 3\n\n${q(1)}`, 'Quiz 3'],
  ])('takes %s as the title, never the file name', (_name, text, title) => {
    const r = parse(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.title).toBe(title);
    expect(r.bank?.contexts).toEqual([]);
  });
});
