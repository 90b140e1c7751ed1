import { describe, expect, it } from 'vitest';
import { asksForSeveralPicks, parseBank, renderQuestion } from '../src/index';

// Each class of what people write, with its variants (issue 10, part 1).
const parse = (text: string) => parseBank(text, { file: 'r.md', format: 'md' });
const one = (text: string) => {
  const r = parse(text);
  expect(r.diagnostics).toEqual([]);
  const q = r.bank?.questions[0];
  if (!q) throw new Error('no question');
  return q;
};

describe('key marks on an option, before or after the text', () => {
  it.each([
    '- B RIGHT. two',
    '- **B RIGHT.** two',
    '- B right. two',
    '- B correct. two',
    '- B. two RIGHT',
    '- B. two (RIGHT)',
    '- B. two (correct)',
    '- B. two [Correct]',
    '- B. two **correct**',
    '- B. two CORRECT',
    '- B. two — correct',
    '- B. two <- correct',
    '- B. two ✓',
    '- B. two ✔',
    '- B. two ✔\uFE0F',
    '- B. two ✅',
    '- B. two ☑\uFE0F',
    '- B. two **✅**',
    '- B. ✅ two',
    '- ✓ B. two',
    '- [correct] B. two',
    '- [x] B. two',
  ])('%s', (line) => {
    const q = one(`1. Which?\n\n- A. one\n${line}\n- C. three\n`);
    expect(q.answer).toEqual(['B']);
    expect(q.options[1]?.text).toBe('two');
  });

  it('keeps "correct" that is part of a sentence as text', () => {
    const q = one('1. Which?\n\n- A. The estimator is correct\n- B RIGHT. It is biased\n');
    expect(q.options[0]?.text).toBe('The estimator is correct');
  });
});

describe('answer lines after the options', () => {
  it.each([
    ['Answer: B', ['B']],
    ['Answers: A, C', ['A', 'C']],
    ['Ans: b', ['B']],
    ['Key: C', ['C']],
    ['Correct: (a)', ['A']],
    ['Correct answer(s): a and c', ['A', 'C']],
    ['Correct answers: A/C', ['A', 'C']],
    ['Solution: B', ['B']],
    ['The answer is B.', ['B']],
    ['Answer - B', ['B']],
    ['**Answer**: (b)', ['B']],
    ['**Answer:** B', ['B']],
    ['Answer: ||B||', ['B']],
    ['||A and C||', ['A', 'C']],
    ['Answer: three', ['C']],
    ['<details><summary>Answer</summary>B</details>', ['B']],
    ['Ans. B', ['B']],
    ['**Ans.** c', ['C']],
    ['(Answer: B)', ['B']],
    ['*Answer: B*', ['B']],
    ['_Correct answer: a and c_', ['A', 'C']],
  ])('%s', (line, key) => {
    expect(one(`1. Which?\n\n- A. one\n- B. two\n- C. three\n\n${line}\n`).answer).toEqual(key);
  });

  it.each([
    ['Answer: C (since three is the largest)', 'since three is the largest'],
    ['Answer: B because two is even', 'because two is even'],
    ['Key: B — two is even', 'two is even'],
  ])('keeps the reason after the key as the explanation: %s', (line, why) => {
    const q = one(`1. Which?\n\n- A. one\n- B. two\n- C. three\n\n${line}\n`);
    expect(q.explanation).toBe(why);
  });

  it('reads an answer key gathered at the end of the file, as pairs or as a table', () => {
    const qs = '1. One?\n\n- A. a\n- B. b\n\n2. Two?\n\n- A. a\n- B. b\n- C. c\n\n';
    const pairs = parse(`${qs}---\n\nAnswers: 1-B, 2-A/C\n`);
    expect(pairs.diagnostics).toEqual([]);
    expect(pairs.bank?.questions.map((q) => q.answer)).toEqual([['B'], ['A', 'C']]);
    const table = parse(
      `${qs}## Answer key\n\n| Q | Answer |\n|---|---|\n| 1 | a |\n| 2 | b, c |\n`,
    );
    expect(table.diagnostics).toEqual([]);
    expect(table.bank?.questions.map((q) => q.answer)).toEqual([['A'], ['B', 'C']]);
  });
});

describe('option styles', () => {
  it.each([
    ['- A. x\n- B. y', ['x', 'y']],
    ['A. x\nB. y', ['x', 'y']],
    ['A) x\nB) y', ['x', 'y']],
    ['a) x\nb) y', ['x', 'y']],
    ['(a) x\n(b) y', ['x', 'y']],
    ['A: x\nB: y', ['x', 'y']],
    ['* A. x\n* B. y', ['x', 'y']],
    ['+ A. x\n+ B. y', ['x', 'y']],
    ['   - A. x\n   - B. y', ['x', 'y']],
    ['A) 10  B) 20  C) 30', ['10', '20', '30']],
    ['- Yes\n- No', ['Yes', 'No']],
  ])('%j', (options, texts) => {
    const q = one(`1. Which?\n${options}\n\nAnswer: ${texts[1]}\n`);
    expect(q.options.map((o) => o.text)).toEqual(texts);
    expect(q.answer).toEqual(['B']);
  });

  it('reads a GitHub task list as options with their marks', () => {
    const q = one('1. Which are optimisers?\n\n- [x] Adam\n- [ ] Xavier\n- [x] SGD\n');
    expect(q.options.map((o) => [o.key, o.text])).toEqual([
      ['A', 'Adam'],
      ['B', 'Xavier'],
      ['C', 'SGD'],
    ]);
    expect(q.answer).toEqual(['A', 'C']);
  });
});

describe('question styles', () => {
  it.each([
    '1. What?',
    '1) What?',
    'Q1. What?',
    'Q1: What?',
    'Question 1: What?',
    '**1. What?**',
    '**Q1.** What?',
    '## 1. What?',
    '### Question 1\n\nWhat?',
  ])('%j', (line) => {
    const q = one(`${line}\n\n- A RIGHT. x\n- B. y\n`);
    expect([q.number, q.prompt]).toEqual(['1', 'What?']);
  });
});

describe('several picks: one rule', () => {
  it.each([
    ['Select all that apply.', true],
    ['Check all that apply.', true],
    ['Choose all that apply', true],
    ['(more than one answer)', true],
    ['There may be more than one correct option.', true],
    ['Which layer has more than one filter?', false],
    ['Which is true?', false],
  ])('%s → %s, in the importer and in every renderer', (phrase, several) => {
    expect(asksForSeveralPicks(phrase)).toBe(several);
    const q = one(`1. Which? ${phrase}\n\n- A RIGHT. x\n- B. y\n`);
    expect(q.multiple).toBe(several);
    for (const target of ['text', 'html', 'discord'] as const)
      expect(renderQuestion({ contexts: [] }, q, target).multiple).toBe(several);
  });
});
