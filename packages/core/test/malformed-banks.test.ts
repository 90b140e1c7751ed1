import { describe, expect, it } from 'vitest';
import { type BankFormat, MAX_BANK_BYTES, parseBank } from '../src/index';

const two = '- A. yes\n- B RIGHT. no\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

interface Case {
  name: string;
  input: string | Uint8Array;
  format?: BankFormat;
  /** `line:col severity: message`, every diagnostic in order. */
  expected: string[];
  /** Warnings only: the bank still loads. */
  loads?: boolean;
}

const cases: Case[] = [
  {
    name: 'empty file',
    input: '',
    expected: ['1:1 error: empty file: a bank needs at least one question'],
  },
  {
    name: 'whitespace only',
    input: '\n  \n\t\n',
    expected: ['1:1 error: empty file: a bank needs at least one question'],
  },
  {
    name: 'invalid UTF-8',
    input: new Uint8Array([...utf8('1. Q?\n\n- A. caf'), 0xe9, 0x20, 0x0a]),
    expected: ['3:1 error: invalid UTF-8 (byte 15)'],
  },
  {
    name: 'binary file (PNG header)',
    input: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    expected: ['3:1 error: binary file (NUL byte at offset 8)'],
  },
  {
    name: 'a NUL byte in valid UTF-8, counted in bytes',
    input: new Uint8Array([...utf8('1. Qé?\n\n- A. x'), 0, 0x0a]),
    expected: ['3:1 error: binary file (NUL byte at offset 15)'],
  },
  {
    name: 'a file one byte over the limit',
    input: utf8(`1. Q?\n\n${'x'.repeat(MAX_BANK_BYTES - 6)}`),
    expected: ['1:1 error: file is 160.0 MiB; a bank may be at most 160 MiB (167,772,160 bytes)'],
  },
  {
    name: 'a bank over the limit given as a string of multi-byte characters',
    input: `1. Q?\n\n${'é'.repeat(MAX_BANK_BYTES / 2)}`,
    expected: ['1:1 error: file is 160.0 MiB; a bank may be at most 160 MiB (167,772,160 bytes)'],
  },
  {
    name: 'UTF-16 file',
    input: new Uint8Array([0xff, 0xfe, 0x31, 0, 0x2e, 0, 0x20, 0, 0x51, 0]),
    expected: ['1:1 error: file is UTF-16; save it as UTF-8'],
  },
  {
    name: 'no questions',
    input: '# Title\n\nJust some text.\n',
    expected: [
      '1:1 error: no questions found (a question is a numbered line such as "1. …" followed by options "- A. …")',
    ],
  },
  {
    name: 'no key',
    input: '1. Pick?\n\n- A. yes\n- B. no\n',
    expected: [
      '1:1 error: question 1 has no key: mark the right options RIGHT or add an "Accepted answer" line',
    ],
  },
  {
    name: 'accepted letter not among the options',
    input: '1. Pick?\n\n- A. yes\n- B. no\n\nAccepted answer is E.\n',
    expected: ['6:1 error: question 1: accepted answer E is not among the options (A, B)'],
  },
  {
    name: 'accepted text matching no option',
    input: '1. Pick?\n\n- A. yes\n- B. no\n\nAccepted answers:\n\n- maybe\n',
    expected: [
      '8:1 error: question 1: accepted answer "maybe" matches no option; the closest is A ("yes")',
    ],
  },
  {
    name: 'accepted statement listing nothing',
    input: '1. Pick?\n\n- A. yes\n- B. no\n\nAccepted answers:\n\nSome words.\n',
    expected: ['6:1 error: question 1: the accepted-answer statement lists no answer'],
  },
  {
    name: 'duplicate question ids',
    input: `1. One?\n\n${two}\n1. Again?\n\n${two}`,
    expected: ['6:1 error: question 1: duplicate question id "q1"'],
  },
  {
    name: 'question without options',
    input: `1. One?\n\n${two}\n2. Two?\n\n3. Three?\n\n${two}`,
    expected: [
      '6:1 error: question 2 has no options: quizdeck plays multiple-choice questions (write them as "- A. …" lines under the question)',
    ],
  },
  {
    name: 'question with one option',
    input: '1. One?\n\n- A RIGHT. only\n',
    expected: ['1:1 error: question 1: a question needs at least two options'],
  },
  {
    name: 'duplicate option letter',
    input: '1. One?\n\n- A. yes\n- A RIGHT. no\n',
    expected: ['4:1 error: question 1: duplicate option A'],
  },
  {
    name: 'option without text',
    input: '1. One?\n\n- A.\n- B RIGHT. no\n',
    expected: ['3:1 error: question 1: an option needs text'],
  },
  {
    name: 'invalid question id in a comment',
    input: `1. One?\n<!-- quizdeck: {id: Bad Id} -->\n\n${two}`,
    expected: ['1:1 error: question 1: an id is lowercase letters, digits, ".", "_" or "-"'],
  },
  {
    name: 'comment that is not YAML',
    input: `1. One?\n<!-- quizdeck: {id: [} -->\n\n${two}`,
    expected: [
      '2:1 error: quizdeck comment is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    name: 'comment that is not a mapping',
    input: `1. One?\n<!-- quizdeck: [a, b] -->\n\n${two}`,
    expected: ['2:1 error: a quizdeck comment must hold a YAML mapping'],
  },
  {
    name: 'unclosed comment',
    input: `1. One?\n<!-- quizdeck: {id: x}\n\n${two}`,
    expected: [
      '1:1 error: question 1 has no options: quizdeck plays multiple-choice questions (write them as "- A. …" lines under the question)',
      '2:1 error: unclosed quizdeck comment (no "-->")',
    ],
  },
  {
    name: 'unknown key in a comment',
    input: `1. One?\n<!-- quizdeck: {colour: red} -->\n\n${two}`,
    expected: [
      '2:1 warning: unknown key "colour" in a quizdeck comment for question 1 (known: id, number, tags, check, multiple, context, pinned)',
    ],
    loads: true,
  },
  {
    name: 'unclosed front matter',
    input: `---\nid: x\n\n1. One?\n\n${two}`,
    expected: ['1:1 error: front matter is not closed by a "---" line'],
  },
  {
    name: 'front matter that is not YAML',
    input: `---\nid: [x\n---\n1. One?\n\n${two}`,
    expected: [
      '2:1 error: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    name: 'unknown front matter key',
    input: `---\nid: x\nauthor: me\n---\n1. One?\n\n${two}`,
    expected: [
      '3:1 warning: unknown front matter key "author" (known: id, title, description, source, tags)',
    ],
    loads: true,
  },
  {
    name: 'invalid bank id',
    input: `---\nid: X Y\n---\n1. One?\n\n${two}`,
    expected: ['2:1 error: bank id: an id is lowercase letters, digits, ".", "_" or "-"'],
  },
  {
    name: 'passage continuing an unknown one',
    input: `<!-- quizdeck: {continues: nope} -->\nA passage.\n\n1. One?\n\n${two}`,
    expected: [
      '2:1 error: passage "context-1": context "context-1" continues "nope", which is not an earlier context',
    ],
  },
  {
    name: 'question in an unknown context',
    input: `1. One?\n<!-- quizdeck: {context: nope} -->\n\n${two}`,
    expected: ['1:1 error: question 1: unknown context "nope"'],
  },
  {
    name: 'several keys but multiple: false',
    input: '1. One?\n<!-- quizdeck: {multiple: false} -->\n\n- A RIGHT. yes\n- B RIGHT. no\n',
    expected: ['1:1 error: question 1: a question with several keys must have multiple: true'],
  },
  {
    name: 'option-like line after the notes',
    input: `1. One?\n\n${two}\nI wonder.\n- C. extra\n`,
    expected: [
      "7:1 warning: question 1: option-like line after the question's notes is kept as text",
    ],
    loads: true,
  },
  {
    name: 'options under an unnumbered heading',
    input: '1. One?\n\n- A RIGHT. a\n- B. b\n\n## Two without a number\n\n- A. x\n- B RIGHT. y\n',
    expected: [
      '8:1 warning: option-like line outside a question is kept as passage text (is the question above it numbered "1." …?)',
      '9:1 warning: option-like line outside a question is kept as passage text (is the question above it numbered "1." …?)',
    ],
    loads: true,
  },
  {
    name: 'two accepted statements',
    input: `1. One?\n\n${two}\nAccepted answer is B.\n\nAccepted answer is A.\n`,
    expected: [
      '8:1 error: question 1: a second key statement "Accepted answer is A." gives A, but the first (line 6) gives B',
    ],
    loads: false,
  },
  {
    name: 'JSON syntax error',
    format: 'json',
    input: '{\n  "id": "x",\n  "title": "T",\n}\n',
    expected: ['4:1 error: invalid JSON: Expected double-quoted property name'],
  },
  {
    name: 'YAML syntax error',
    format: 'yaml',
    input: 'id: x\ntitle: [T\nquestions: []\n',
    expected: [
      '3:1 error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    name: 'YAML duplicate key',
    format: 'yaml',
    input: 'id: x\ntitle: T\nid: y\nquestions: []\n',
    expected: ['3:1 error: invalid YAML: Map keys must be unique'],
  },
  {
    name: 'JSON key not among the options',
    format: 'json',
    input: JSON.stringify(
      {
        id: 'x',
        title: 'T',
        questions: [
          {
            id: 'a',
            prompt: 'P?',
            options: [
              { key: 'A', text: 'a' },
              { key: 'B', text: 'b' },
            ],
            answer: ['E'],
            multiple: false,
          },
        ],
      },
      null,
      2,
    ),
    expected: ['19:9 error: questions[0].answer[0]: key E is not among the options (A, B)'],
  },
  {
    name: 'JSON without a title',
    format: 'json',
    input: '{\n  "id": "x",\n  "questions": []\n}\n',
    expected: ['1:1 error: title: required field is missing'],
  },
  {
    name: 'YAML list instead of a bank',
    format: 'yaml',
    input: '- id: x\n',
    expected: ['1:1 error: bank: Invalid input: expected object, received array'],
  },
  {
    name: 'YAML question with an empty key',
    format: 'yaml',
    input:
      'id: x\ntitle: T\nquestions:\n  - id: a\n    prompt: P?\n    options:\n      - {key: A, text: a}\n      - {key: B, text: b}\n    answer: []\n    multiple: false\n',
    expected: ['9:13 error: questions[0].answer: a question needs a key'],
  },
  {
    name: 'YAML duplicate question ids',
    format: 'yaml',
    input:
      'id: x\ntitle: T\nquestions:\n  - {id: a, prompt: P, options: [{key: A, text: a}, {key: B, text: b}], answer: [A], multiple: false}\n  - {id: a, prompt: Q, options: [{key: A, text: a}, {key: B, text: b}], answer: [B], multiple: false}\n',
    expected: ['5:10 error: questions[1].id: duplicate question id "a"'],
  },
];

describe('malformed banks', () => {
  it('covers at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name', ({ input, format, expected, loads }) => {
    const file = format === undefined ? 'bank.md' : `bank.quiz.${format}`;
    const result = parseBank(input, { file, format: format ?? 'md' });
    expect(result.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity}: ${d.message}`)).toEqual(
      expected,
    );
    expect(result.diagnostics.every((d) => d.file === file)).toBe(true);
    expect(result.bank !== undefined).toBe(loads === true);
  });

  it('never throws, whatever the bytes', () => {
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      const bytes = new Uint8Array(64).map(() => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % 256;
      });
      for (const format of ['md', 'yaml', 'json'] as const) {
        expect(() => parseBank(bytes, { file: 'x', format })).not.toThrow();
      }
    }
  });
});

describe('pathological lines', () => {
  // Regexes that backtrack quadratically would hang here (each line is 200,000 characters).
  const sp = ' '.repeat(200_000);
  const cases = [
    ['question line', `1. a${sp}b\n\n- A RIGHT. x\n- B. y\n`, 1],
    ['option line', `1. Q?\n\n- A RIGHT. x${sp}y\n- B. y\n`, 1],
    ['heading', `## Title${sp}x\n\nbody\n\n1. Q?\n\n- A RIGHT. x\n- B. y\n`, 1],
    ['accepted statement', `1. Q?\n\n- A. x\n- B. y\n\nAccepted answer is B${sp}or${sp}A.\n`, 1],
    ['passage', `A${sp}b the${sp}c\n\n1. Q?\n\n- A RIGHT. x\n- B. y\n`, 1],
  ] as const;
  it.each(cases)('%s', (_name, text, questions) => {
    const r = parseBank(text, { file: 'x.md', format: 'md' });
    expect(r.bank?.questions).toHaveLength(questions);
  });

  it('reads "## Title ##" headings as in CommonMark', () => {
    const r = parseBank('## Intro to C# ##\n\nA passage.\n\n1. Q?\n\n- A RIGHT. x\n- B. y\n', {
      file: 'x.md',
      format: 'md',
    });
    expect(r.bank?.contexts[0]?.title).toBe('Intro to C#');
  });
});
