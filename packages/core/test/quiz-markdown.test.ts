import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBank } from '../src/index';

const fixture = readFileSync(
  fileURLToPath(new URL('fixtures/cnn-quiz.md', import.meta.url)),
  'utf8',
);
const parse = (text: string) => parseBank(text, { file: 'cnn-quiz.md', format: 'md' });

describe('quiz-markdown importer on another quiz in the seed style', () => {
  const result = parse(fixture);
  const bank = result.bank;
  const q = (n: string) => bank?.questions.find((x) => x.number === n);

  it('reads it without a problem', () => {
    expect(result.diagnostics).toEqual([]);
    expect(bank?.title).toBe('Convolutional networks');
    expect(bank?.id).toBe('cnn-quiz');
    expect(bank?.questions.map((x) => [x.id, x.answer.join(',')])).toEqual([
      ['q1', 'B'],
      ['q2', 'A,B'],
      ['q3', 'C'],
      ['q4', 'B'],
      ['q5', 'B'],
    ]);
  });

  it('reads bold, parenthesised and heading question lines and trailing RIGHT marks', () => {
    expect(q('1')?.prompt).toBe('How many input values does one frame have?');
    expect(q('2')?.prompt).toBe(
      'Which layers keep the spatial structure of the image? Select all that apply.',
    );
    expect(q('3')?.prompt).toBe('What does a 1x1 convolution change?');
    expect(q('2')?.options.map((o) => o.text)).toEqual([
      'Convolution',
      'Pooling',
      'Fully connected',
      'None of the above',
    ]);
  });

  it('takes "select all" and several keys as multiple, and pins "None/Both of the above"', () => {
    expect(bank?.questions.map((x) => x.multiple)).toEqual([false, true, false, false, false]);
    expect(q('2')?.options[3]?.pinned).toBe(true);
    expect(q('3')?.options[3]).toEqual({ key: 'D', text: 'Both of the above', pinned: true });
    expect(q('1')?.options.some((o) => o.pinned)).toBe(false);
  });

  it('keys from an accepted statement given as option text, without a note when the marks agree', () => {
    expect(q('3')?.answer).toEqual(['C']);
    expect(q('2')?.notes).toEqual([]);
    expect(q('2')?.explanation).toBe(
      'convolution and pooling slide over the image, so rows and columns survive.',
    );
  });

  it('finds the passages, their derivation, and that the second continues the first', () => {
    const [first, second] = bank?.contexts ?? [];
    expect(first?.body).toMatch(/^A self-driving startup records dashcam video/);
    expect(first?.notes).toBeUndefined();
    expect(second?.body).toMatch(/^The startup then adds a tracking stage/);
    expect(second?.notes).toBe('Worked out:\n\n1. Frames per second: 30\n2. Seconds: 1');
    expect(second?.continues).toBe(first?.id);
    expect(bank?.questions.map((x) => x.context)).toEqual([
      first?.id,
      first?.id,
      first?.id,
      second?.id,
      second?.id,
    ]);
  });

  it('keeps a reader arguing with the key as a dispute', () => {
    expect(q('4')?.notes).toEqual([
      {
        kind: 'dispute',
        text: 'I believe this should be 29 because the first frame has no predecessor.',
      },
    ]);
  });

  it('reads CRLF line endings and a byte-order mark the same way', () => {
    const crlf = parseBank(new TextEncoder().encode(`\uFEFF${fixture.replace(/\n/g, '\r\n')}`), {
      file: 'cnn-quiz.md',
      format: 'md',
    });
    expect(crlf.diagnostics).toEqual([]);
    expect(crlf.bank).toEqual(bank);
  });

  it('starts a new scenario without `continues` when the passage opens with "A"/"An"', () => {
    const text = `A hospital scans hearts with MRI and needs a report for each scan. The scans are videos and the report must name one of five conditions. Answer the following questions.

1. One?

- A RIGHT. a
- B. b

An online shop wants to forecast the demand for each of its products from the sales of the last year. Answer the following questions.

2. Two?

- A. a
- B RIGHT. b
`;
    const r = parse(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.contexts.map((c) => c.continues)).toEqual([undefined, undefined]);
    expect(r.bank?.questions.map((x) => x.context)).toEqual(['context-1', 'context-2']);
  });

  it('keeps numbered lines in code blocks and passages out of the questions', () => {
    const text =
      'Before:\n\n```\n1. not a question?\n- A. nor an option\n```\n\n1. Real?\n\n- A RIGHT. yes\n- B. no\n';
    const r = parse(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions).toHaveLength(1);
    expect(r.bank?.contexts[0]?.body).toBe('Before:');
    expect(r.bank?.contexts[0]?.notes).toBe('```\n1. not a question?\n- A. nor an option\n```');
  });

  it('reads accepted option texts written as plain lines under the statement', () => {
    const r = parse('1. One?\n\n- A. a\n- B. b\n- C. c\n\nAccepted answers:\nb\n- C\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions[0]?.answer).toEqual(['B', 'C']);
  });

  it.each([
    ['Accepted answers: a and c', ['A', 'C']],
    ["Accepted answer is 'A' and 'C'.", ['A', 'C']],
    ['Accepted answer: **A**, **C**', ['A', 'C']],
    ['Accepted answer: `A` and `C`', ['A', 'C']],
    ['Accepted answer: (A) and (C)', ['A', 'C']],
  ])('reads letters written as "%s"', (statement, key) => {
    const r = parse(`1. One?\n\n- A. yes\n- B. no\n- C. maybe\n\n${statement}\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions[0]?.answer).toEqual(key);
  });

  it('reads lowercase option letters as A, B, … when a question has no capital ones', () => {
    const r = parse('1. One?\n\n- a. yes\n- b RIGHT. no\n- c) maybe\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions[0]?.options.map((o) => [o.key, o.text])).toEqual([
      ['A', 'yes'],
      ['B', 'no'],
      ['C', 'maybe'],
    ]);
    expect(r.bank?.questions[0]?.answer).toEqual(['B']);
    const mixed = parse(
      '1. Which hold?\n\n- a) first\n- b) second\n\n- A. a only\n- B RIGHT. both\n',
    );
    expect(mixed.bank?.questions[0]?.prompt).toBe('Which hold?\n\n- a) first\n- b) second');
    expect(mixed.bank?.questions[0]?.options.map((o) => o.text)).toEqual(['a only', 'both']);
  });

  it('takes a lone lowercase word as the option text it equals, else as a letter', () => {
    const options = '- A. w\n- B. x\n- C. y\n';
    expect(parse(`1. One?\n\n${options}\nAnswer: x\n`).bank?.questions[0]?.answer).toEqual(['B']);
    expect(parse(`1. One?\n\n${options}\nAnswer: c\n`).bank?.questions[0]?.answer).toEqual(['C']);
    expect(parse(`1. One?\n\n${options}\nAnswer: e\n`).diagnostics.map((d) => d.message)).toEqual([
      'question 1: accepted answer E is not among the options (A, B, C)',
    ]);
  });

  it('reads a canonical YAML bank with a schema comment for editors', () => {
    const yaml = `# yaml-language-server: $schema=../packages/core/schema/bank.schema.json
id: tiny
title: Tiny
questions:
  - {id: a, prompt: P?, options: [{key: A, text: x}, {key: B, text: None of the above, pinned: true}], answer: [A], multiple: false}
`;
    const r = parseBank(yaml, { file: 'tiny.quiz.yaml', format: 'yaml' });
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions[0]?.options[1]?.pinned).toBe(true);
    expect(r.locations.questions.a).toEqual({ line: 5, col: 5 });
  });
});

describe('quiz-markdown variants', () => {
  const parse = (text: string) => parseBank(text, { file: 'v.md', format: 'md' });

  it('reads options without bullets, check marks and "Answer:" lines', () => {
    const r = parse(`1. First?
A. one
B. two ✓
C. three

2. Second?

- A. x
- B. y

Answer: A

3. Third?

- A. p
- B. q

**Correct option is** q
`);
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions.map((q) => [q.options.length, q.answer.join(',')])).toEqual([
      [3, 'B'],
      [2, 'A'],
      [2, 'B'],
    ]);
    expect(r.bank?.questions[0]?.options[1]?.text).toBe('two');
  });

  it('keeps "The correct answer should be …" as a dispute, not a key statement', () => {
    const r = parse('1. First?\n\n- A RIGHT. x\n- B. y\n\nThe correct answer should be B.\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions[0]?.answer).toEqual(['A']);
    expect(r.bank?.questions[0]?.notes).toEqual([
      { kind: 'dispute', text: 'The correct answer should be B.' },
    ]);
  });

  it("merges a question's quizdeck comments; a key set differently names the line that set it", () => {
    const text = [
      '1. Which?',
      '<!-- quizdeck: {id: a, tags: [x]} -->',
      '',
      '- A. one RIGHT',
      '- B. two',
      '',
      '<!-- quizdeck: {tags: [x], check: {quantity: params}} -->',
      '',
      '<!-- quizdeck: {id: b, tags: [y]} -->',
    ].join('\n');
    const result = parseBank(text, { file: 'c.md', format: 'md' });
    expect(result.diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [
        9,
        'annotation-conflict',
        'question 1: two quizdeck comments set "id" differently ("a" at line 2, "b" here)',
      ],
      [
        9,
        'annotation-conflict',
        'question 1: two quizdeck comments set "tags" differently (["x"] at line 7, ["y"] here)',
      ],
    ]);
  });

  it('does not take roman-numbered statements in a prompt for options', () => {
    const r = parse(
      '1. Which statements hold?\nI. foo\n- II. bar\n- I. baz\n\n- A RIGHT. I only\n- B. II only\n',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions[0]?.prompt).toBe(
      'Which statements hold?\nI. foo\n- II. bar\n- I. baz',
    );
    expect(r.bank?.questions[0]?.options.map((o) => o.key)).toEqual(['A', 'B']);
  });
});

describe('canonical YAML', () => {
  it('reads plain numbers in text fields (number, option text) as the digits written', () => {
    const yaml = `id: n
title: Numbers
questions:
  - id: params
    number: 10
    prompt: How many parameters?
    options: [{key: A, text: 45000}, {key: B, text: 60000}]
    answer: [B]
    multiple: false
`;
    const r = parseBank(yaml, { file: 'n.quiz.yaml', format: 'yaml' });
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions[0]).toMatchObject({
      number: '10',
      options: [{ text: '45000' }, { text: '60000' }],
    });
  });
});

describe('a third quiz: "Question N:" lines, * bullets, indented options, a labelled note', () => {
  const text = readFileSync(
    fileURLToPath(new URL('fixtures/week3-quiz.md', import.meta.url)),
    'utf8',
  );
  const r = parseBank(text, { file: 'week3-quiz.md', format: 'md' });

  it('reads every question with its key', () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.title).toBe('Week 3 quiz: sequence models');
    expect(r.bank?.questions.map((q) => [q.number, q.answer.join(','), q.multiple])).toEqual([
      ['1', 'B', false],
      ['2', 'A', false],
      ['3', 'B,C', true],
      ['4', 'A', false],
      ['5', 'B', false],
    ]);
  });

  it('ends the labelled note where a scenario opens a passage before the next question', () => {
    expect(r.bank?.questions[2]?.notes).toEqual([
      { kind: 'comment', text: 'the vanilla RNN has no gates at all.' },
    ]);
    expect(r.bank?.contexts.map((c) => c.body.slice(0, 27))).toEqual([
      'Consider a language model t',
    ]);
    expect(r.bank?.questions.map((q) => q.context)).toEqual([
      undefined,
      undefined,
      undefined,
      'context-1',
      'context-1',
    ]);
  });
});
