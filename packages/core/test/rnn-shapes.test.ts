import { describe, expect, it } from 'vitest';
import {
  computeShapes,
  conv2dOutputSize,
  findTensor,
  formatShapeTable,
  macsPerSequence,
  macsPerStep,
  ShapeSpecError,
  ShapesJsonSchema,
  shapesJson,
  unrolledDepth,
} from '../src/index';

const shapeOf = (spec: Parameters<typeof computeShapes>[0], name: string) =>
  findTensor(computeShapes(spec), name)?.shape;

describe('textbook convention (the seed quiz)', () => {
  const seed = { cell: 'rnn', input: 50, hidden: 100, classes: 5 } as const;

  it('gives the seed answers for W_hh, W_xh, b_h and W_yh', () => {
    expect(shapeOf(seed, 'W_hh')).toEqual([100, 100]);
    expect(shapeOf(seed, 'W_xh')).toEqual([100, 50]);
    expect(shapeOf(seed, 'b_h')).toEqual([100, 1]);
    expect(shapeOf(seed, 'W_yh')).toEqual([5, 100]);
    expect(shapeOf(seed, 'b_y')).toEqual([5, 1]);
  });

  it('counts 60,000 LSTM weights without biases (Q10)', () => {
    const r = computeShapes({ cell: 'lstm', input: 50, hidden: 100, classes: 5 });
    expect(r.recurrent.weights).toBe(60_000);
    expect(r.recurrent.biases).toBe(400);
    expect(r.output).toEqual({ weights: 500, biases: 5, params: 505, features: 100, classes: 5 });
    expect(r.totals.params).toBe(60_905);
    expect(r.tensors.filter((t) => t.name.startsWith('W_') && t.part === 'recurrent')).toHaveLength(
      4,
    );
    expect(r.tensors.filter((t) => t.name.startsWith('U_'))).toHaveLength(4);
  });

  it('names stacked and reverse tensors and feeds layer 1 with both directions', () => {
    const r = computeShapes({ cell: 'gru', input: 8, hidden: 16, layers: 2, bidirectional: true });
    expect(findTensor(r, 'U_z_l1_reverse')?.shape).toEqual([16, 32]);
    expect(findTensor(r, 'U_z_l0')?.shape).toEqual([16, 8]);
    expect(r.tensors).toHaveLength(2 * 2 * 9);
  });

  it('drops the biases with bias: false', () => {
    const r = computeShapes({ cell: 'rnn', input: 50, hidden: 100, bias: false });
    expect(r.tensors.map((t) => t.name)).toEqual(['W_hh', 'W_xh']);
    expect(r.totals).toEqual({ weights: 15_000, biases: 0, params: 15_000 });
  });
});

describe('pytorch convention', () => {
  it('matches the documented nn.LSTM(300, 512, num_layers=2): 3,768,320 parameters', () => {
    const r = computeShapes({
      cell: 'lstm',
      input: 300,
      hidden: 512,
      layers: 2,
      convention: 'pytorch',
    });
    expect(r.totals.params).toBe(3_768_320);
    expect(r.tensors.map((t) => [t.name, t.shape])).toEqual([
      ['weight_ih_l0', [2048, 300]],
      ['weight_hh_l0', [2048, 512]],
      ['bias_ih_l0', [2048]],
      ['bias_hh_l0', [2048]],
      ['weight_ih_l1', [2048, 512]],
      ['weight_hh_l1', [2048, 512]],
      ['bias_ih_l1', [2048]],
      ['bias_hh_l1', [2048]],
    ]);
    expect(findTensor(r, 'weight_ih_l0')?.role).toBe('W_ii|W_if|W_ig|W_io');
  });

  it('uses weight_hr and the projection as the next input (proj_size)', () => {
    const r = computeShapes({
      cell: 'lstm',
      input: 10,
      hidden: 20,
      proj: 5,
      layers: 2,
      bidirectional: true,
      convention: 'pytorch',
    });
    expect(findTensor(r, 'weight_hh_l0')?.shape).toEqual([80, 5]);
    expect(findTensor(r, 'weight_hr_l0_reverse')?.shape).toEqual([5, 20]);
    expect(findTensor(r, 'weight_ih_l1')?.shape).toEqual([80, 10]);
    // l0: 80·10 + 80·5 + 160 + 100 = 1460; l1: 80·10 + 80·5 + 160 + 100 = 1460; ×2 directions
    expect(r.totals.params).toBe(4 * 1460);
  });

  it('orders GRU gates r|z|n with two biases', () => {
    const r = computeShapes({ cell: 'gru', input: 4, hidden: 3, convention: 'pytorch' });
    expect(findTensor(r, 'weight_hh_l0')?.role).toBe('W_hr|W_hz|W_hn');
    expect(r.totals).toEqual({ weights: 9 * 4 + 9 * 3, biases: 18, params: 81 });
  });
});

describe('keras convention', () => {
  it('uses kernel (in, gates·units) and GRU reset_after biases (2, 3·units) by default', () => {
    const r = computeShapes({ cell: 'gru', input: 50, hidden: 100, convention: 'keras' });
    expect(r.tensors.map((t) => [t.name, t.shape])).toEqual([
      ['gru/kernel', [50, 300]],
      ['gru/recurrent_kernel', [100, 300]],
      ['gru/bias', [2, 300]],
    ]);
    const before = computeShapes({
      cell: 'gru',
      input: 50,
      hidden: 100,
      convention: 'keras',
      resetAfter: false,
    });
    expect(findTensor(before, 'gru/bias')?.shape).toEqual([300]);
  });
});

describe('bad specs are clear errors, never NaN', () => {
  const cases: [string, unknown, RegExp][] = [
    ['projection on a GRU', { cell: 'gru', input: 5, hidden: 10, proj: 3 }, /only for LSTM/],
    ['projection ≥ hidden', { cell: 'lstm', input: 5, hidden: 10, proj: 10 }, /smaller than/],
    ['zero size', { cell: 'rnn', input: 0, hidden: 10 }, /input: input size must be at least 1/],
    ['fraction', { cell: 'rnn', input: 5, hidden: 2.5 }, /whole number/],
    ['over 10^7', { cell: 'rnn', input: 5, hidden: 10_000_001 }, /at most 10\^7/],
    ['NaN', { cell: 'rnn', input: Number.NaN, hidden: 3 }, /input/],
    ['unknown cell', { cell: 'transformer', input: 5, hidden: 3 }, /cell must be rnn, gru or lstm/],
    ['missing cell', { input: 5, hidden: 3 }, /cell: cell is required/],
    ['missing hidden size', { cell: 'rnn', input: 5 }, /hidden: hidden size is required/],
    ['text size', { cell: 'rnn', input: '5', hidden: 3 }, /input: input size must be a number/],
    [
      'unknown convention',
      { cell: 'rnn', input: 5, hidden: 3, convention: 'tf' },
      /convention must be textbook, pytorch or keras/,
    ],
    [
      'keras projection',
      { cell: 'lstm', input: 5, hidden: 10, proj: 3, convention: 'keras' },
      /Keras/,
    ],
    [
      'resetAfter on pytorch',
      { cell: 'gru', input: 5, hidden: 3, resetAfter: true, convention: 'pytorch' },
      /resetAfter/,
    ],
  ];
  it('refuses counts beyond exact integers', () => {
    const huge = {
      cell: 'lstm',
      input: 10_000_000,
      hidden: 10_000_000,
      layers: 1000,
      bidirectional: true,
    } as const;
    expect(() => computeShapes(huge)).toThrow(/more than can be counted exactly/);
  });

  it.each(cases)('%s', (_name, spec, message) => {
    expect(() => computeShapes(spec as never)).toThrow(ShapeSpecError);
    expect(() => computeShapes(spec as never)).toThrow(message);
  });
});

describe('depth, MACs and convolutions', () => {
  it('unrolls 30 frames into depth 30 and rejects 0', () => {
    expect(unrolledDepth(30)).toBe(30);
    expect(() => unrolledDepth(0)).toThrow(ShapeSpecError);
  });

  it('counts multiply-accumulates per step and per sequence', () => {
    const r = computeShapes({ cell: 'rnn', input: 50, hidden: 100, classes: 5 });
    expect(macsPerStep(r)).toBe(15_000);
    expect(macsPerSequence(r, 30)).toBe(30 * 15_000 + 500);
  });

  it('gives AlexNet 227 → 55 and rejects a kernel that does not fit', () => {
    expect(conv2dOutputSize({ size: 227, kernel: 11, stride: 4 })).toBe(55);
    expect(conv2dOutputSize({ size: 32, kernel: 3, padding: 1 })).toBe(32);
    expect(() => conv2dOutputSize({ size: 3, kernel: 5 })).toThrow(/does not fit/);
    expect(() => conv2dOutputSize({ size: 3, kernel: 1, stride: 0 })).toThrow(ShapeSpecError);
  });
});

describe('formatShapeTable', () => {
  it('states the convention and totals', () => {
    const table = formatShapeTable(
      computeShapes({ cell: 'lstm', input: 300, hidden: 512, layers: 2, convention: 'pytorch' }),
    );
    expect(table).toContain('convention: pytorch');
    expect(table).toMatch(/weight_ih_l1\s+\(2048, 512\)\s+1,048,576/);
    expect(table).toContain('total:     3,768,320 params (3,760,128 weights + 8,192 biases)');
  });
});

describe('shapesJson (quizdeck shapes --json, Discord /shapes)', () => {
  it('gives exactly convention, tensors {name, shape, params, layer, direction} and totals', () => {
    const json = shapesJson(computeShapes({ cell: 'rnn', input: 50, hidden: 100, classes: 5 }));
    expect(ShapesJsonSchema.strict().safeParse(json).success).toBe(true);
    expect(Object.keys(json)).toEqual(['convention', 'tensors', 'totals']);
    expect(json.convention).toBe('textbook');
    expect(json.tensors[0]).toEqual({
      name: 'W_hh',
      shape: [100, 100],
      params: 10_000,
      layer: 0,
      direction: 'forward',
    });
    expect(json.tensors.at(-1)).toEqual({
      name: 'b_y',
      shape: [5, 1],
      params: 5,
      layer: 1,
      direction: 'none',
    });
    expect(json.totals).toEqual({ weights: 15_500, biases: 105, params: 15_605 });
  });
});
