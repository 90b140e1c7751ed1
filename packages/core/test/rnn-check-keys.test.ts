import { describe, expect, it } from 'vitest';
import {
  type BankInput,
  BankSchema,
  CheckSchema,
  checkAnswerKeys,
  evaluateCheck,
  parseCount,
  parseShape,
  type QuestionInput,
} from '../src/index';

const rnn = { cell: 'rnn', input: 50, hidden: 100, classes: 5 } as const;

function q(
  id: string,
  options: string[],
  answer: string,
  check: NonNullable<QuestionInput['check']>,
): QuestionInput {
  return {
    id,
    prompt: id,
    options: options.map((text, i) => ({ key: String.fromCharCode(65 + i), text })),
    answer: [answer],
    multiple: false,
    check,
  };
}

// Q6–Q10 of the seed quiz, option texts as the bank writes them.
const seedQuestions: QuestionInput[] = [
  q('q6', ['$5000 \\times 5000$', '$50 \\times 50$', '$100 \\times 100$', '$30 \\times 30$'], 'C', {
    quantity: 'shape',
    spec: rnn,
    tensor: 'W_hh',
  }),
  q('q7', ['$50 \\times 100$', '$100 \\times 50$', '$100 \\times 100$', '$50 \\times 50$'], 'B', {
    quantity: 'shape',
    spec: rnn,
    tensor: 'W_xh',
  }),
  q('q8', ['50x1', '100x1', '30x1', '5000x1'], 'B', {
    quantity: 'shape',
    spec: rnn,
    tensor: 'b_h',
  }),
  q('q9', ['500x1', '5x100', '100x5', '5x5'], 'B', {
    quantity: 'shape',
    spec: rnn,
    tensor: 'W_yh',
  }),
  q('q10', ['15000', '15100', '45000', '60000'], 'D', {
    quantity: 'params',
    spec: { ...rnn, cell: 'lstm' },
    exclude: ['bias', 'output'],
  }),
];

const bank = (questions: QuestionInput[]) =>
  BankSchema.parse({ id: 'b', title: 'B', questions } satisfies BankInput);

describe('checkAnswerKeys', () => {
  it('accepts the seed keys of Q6–Q10', () => {
    expect(checkAnswerKeys(bank(seedQuestions))).toEqual([]);
  });

  it('reports a wrong key with the computed value and the convention', () => {
    const wrong = seedQuestions.map((x) => (x.id === 'q7' ? { ...x, answer: ['A'] } : x));
    expect(checkAnswerKeys(bank(wrong))).toEqual([
      {
        questionId: 'q7',
        message:
          'the key A ("$50 \\times 100$") disagrees with the math: W_xh = 100 × 50 under the textbook convention, which is option B',
      },
    ]);
  });

  it('reports a count no option states', () => {
    const gru = seedQuestions.map((x) =>
      x.id === 'q10'
        ? {
            ...x,
            check: {
              quantity: 'params',
              spec: { ...rnn, cell: 'gru' },
              exclude: ['bias', 'output'],
            },
          }
        : x,
    ) as QuestionInput[];
    const [issue] = checkAnswerKeys(bank(gru));
    expect(issue?.questionId).toBe('q10');
    expect(issue?.message).toContain('total parameters without biases and output layer = 45,000');
    expect(issue?.message).toContain('which is option C');
  });

  it('follows the convention: PyTorch counts two biases per gate', () => {
    const check = {
      quantity: 'params',
      spec: { cell: 'lstm', input: 50, hidden: 100, convention: 'pytorch' },
    } as const;
    const ok = q('p', ['60,000', '60,400', '60,800', '120,800'], 'C', check);
    expect(checkAnswerKeys(bank([ok]))).toEqual([]);
    const [issue] = checkAnswerKeys(bank([{ ...ok, answer: ['B'] }]));
    expect(issue?.message).toContain('total parameters = 60,800 under the pytorch convention');
  });

  it('reports an unknown tensor instead of throwing', () => {
    const bad = q('x', ['1', '2'], 'A', { quantity: 'shape', spec: rnn, tensor: 'weight_ih_l0' });
    const [issue] = checkAnswerKeys(bank([bad]));
    expect(issue?.message).toMatch(
      /no tensor "weight_ih_l0" under the textbook convention; it has W_hh, W_xh/,
    );
  });

  it('rejects a bad spec when the bank is parsed', () => {
    const bad = q('x', ['1', '2'], 'A', {
      quantity: 'shape',
      spec: { ...rnn, input: 0 },
      tensor: 'W_hh',
    });
    const r = BankSchema.safeParse({ id: 'b', title: 'B', questions: [bad] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('input size must be at least 1');
  });
});

describe('evaluateCheck', () => {
  it('computes unrolled depth, MACs and conv output', () => {
    const v = (c: unknown) => evaluateCheck(CheckSchema.parse(c)).value;
    expect(v({ quantity: 'unrolled-depth', steps: 30 })).toEqual({ kind: 'count', count: 30 });
    expect(v({ quantity: 'conv-output', conv: { size: 227, kernel: 11, stride: 4 } })).toEqual({
      kind: 'count',
      count: 55,
    });
    expect(v({ quantity: 'macs-per-sequence', spec: rnn, steps: 30 })).toEqual({
      kind: 'count',
      count: 450_500,
    });
    expect(v({ quantity: 'params', spec: rnn, tensor: 'W_yh' })).toEqual({
      kind: 'count',
      count: 500,
    });
  });
});

describe('reading option text', () => {
  it.each([
    ['100x50', [100, 50]],
    ['$100 \\times 50$', [100, 50]],
    ['**100 × 1**', [100, 1]],
    ['(400, 50)', [400, 50]],
    ['(400,)', [400]],
    ['torch.Size([2048, 300])', [2048, 300]],
    ['1,024 x 512', [1024, 512]],
    ['$2 \\times 300$.', [2, 300]],
    ['100 by 50', [100, 50]],
  ])('shape %s', (text, shape) => {
    expect(parseShape(text)).toEqual(shape);
  });

  it.each([
    ['60000', 60000],
    ['60,000', 60000],
    ['$60{,}000$', 60000],
    ['60 000', 60000],
    ['3,768,320', 3768320],
  ])('count %s', (text, n) => {
    expect(parseCount(text)).toBe(n);
  });

  it.each(['Many to One', '6,00', '100x', 'x5', '', 'by 5', 'a 100 by 100 matrix'])(
    'not a value: %s',
    (text) => {
      expect(parseShape(text)).toBeUndefined();
      expect(parseCount(text)).toBeUndefined();
    },
  );
});
