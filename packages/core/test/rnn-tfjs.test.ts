// Cross-checks the keras convention against a real framework (TensorFlow.js layers, CPU backend):
// every configuration is built once and its countParams() and weight shapes compared.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cell, computeShapes, type ShapeSpecInput } from '../src/index';

interface Built {
  count: number;
  weights: { name: string; shape: number[] }[];
}

function build(spec: ShapeSpecInput & { cell: Cell }): Built {
  const model = tfl.sequential();
  const layers = spec.layers ?? 1;
  for (let k = 0; k < layers; k++) {
    const cfg = {
      units: spec.hidden,
      useBias: spec.bias ?? true,
      returnSequences: k < layers - 1,
      // zeros: an orthogonal initialiser would cost a QR decomposition per model
      kernelInitializer: 'zeros',
      recurrentInitializer: 'zeros',
    } as const;
    const inputShape = k === 0 ? { inputShape: [null, spec.input] } : {};
    const make = (extra: object) =>
      spec.cell === 'lstm'
        ? tfl.layers.lstm({ ...cfg, ...extra })
        : spec.cell === 'gru'
          ? tfl.layers.gru({ ...cfg, ...extra }) // tfjs supports only reset_after=false
          : tfl.layers.simpleRNN({ ...cfg, ...extra });
    model.add(
      spec.bidirectional
        ? tfl.layers.bidirectional({ layer: make({}) as never, mergeMode: 'concat', ...inputShape })
        : make(inputShape),
    );
  }
  if (spec.classes !== undefined) {
    model.add(tfl.layers.dense({ units: spec.classes, useBias: spec.bias ?? true }));
  }
  const built = {
    count: model.countParams(),
    weights: model.weights.map((w) => ({ name: w.originalName, shape: [...w.shape] as number[] })),
  };
  model.dispose();
  return built;
}

const cells: Cell[] = ['rnn', 'gru', 'lstm'];
const sizes = [
  [3, 4],
  [16, 8],
  [5, 32],
];
const grid: (ShapeSpecInput & { cell: Cell })[] = [];
for (const cell of cells)
  for (const [input = 1, hidden = 1] of sizes)
    for (const bias of [true, false])
      for (const bidirectional of [false, true])
        for (const layers of [1, 2]) {
          grid.push({
            cell,
            input,
            hidden,
            bias,
            bidirectional,
            layers,
            convention: 'keras',
            ...(cell === 'gru' ? { resetAfter: false } : {}),
            ...(layers === 2 && input === 16 ? { classes: 7 } : {}),
          });
        }

const label = (s: ShapeSpecInput) =>
  `${s.cell} in=${s.input} h=${s.hidden} layers=${s.layers} bi=${s.bidirectional} bias=${s.bias}${s.classes ? ` classes=${s.classes}` : ''}`;

describe('keras convention against TensorFlow.js layers', () => {
  const built = new Map<ShapeSpecInput, Built>();
  beforeAll(async () => {
    await tf.setBackend('cpu');
    for (const spec of grid) built.set(spec, build(spec));
  });
  afterAll(() => tf.disposeVariables());

  it('covers at least 50 configurations', () => {
    expect(grid.length).toBeGreaterThanOrEqual(50);
  });

  it.each(grid.map((s) => [label(s), s] as const))('%s', (_label, spec) => {
    const tfjs = built.get(spec);
    const report = computeShapes(spec);
    expect(report.totals.params).toBe(tfjs?.count);
    const ours = report.tensors.map((t) => ({
      name: t.name.slice(t.name.lastIndexOf('/') + 1),
      shape: t.shape,
    }));
    const theirs = tfjs?.weights.map((w) => ({
      name: w.name.slice(w.name.lastIndexOf('/') + 1),
      shape: w.shape,
    }));
    expect(ours).toEqual(theirs);
    // the textbook convention has one bias per gate too, so its count is the same
    const { resetAfter: _r, ...rest } = spec;
    expect(computeShapes({ ...rest, convention: 'textbook' }).totals.params).toBe(tfjs?.count);
  });
});

describe('pytorch convention against PyTorch documentation', () => {
  // num_params of nn.RNN/GRU/LSTM = Σ layers, directions: G·H·(in_k + H) + 2·G·H
  it.each([
    [{ cell: 'lstm', input: 300, hidden: 512, layers: 2 }, 3_768_320],
    [{ cell: 'lstm', input: 10, hidden: 20, layers: 2 }, 5_920],
    [{ cell: 'gru', input: 10, hidden: 20, layers: 2 }, 4_440],
    [{ cell: 'rnn', input: 10, hidden: 20, layers: 2 }, 1_480],
    [{ cell: 'lstm', input: 10, hidden: 20, bidirectional: true }, 5_120],
  ] as const)('%o has %i parameters', (spec, n) => {
    expect(computeShapes({ ...spec, convention: 'pytorch' }).totals.params).toBe(n);
  });

  it('agrees with keras where the two frameworks agree', () => {
    for (const spec of grid.filter((s) => s.cell !== 'gru' && s.bias === false)) {
      const keras = computeShapes(spec).totals.params;
      expect(computeShapes({ ...spec, convention: 'pytorch' }).totals.params).toBe(keras);
    }
  });
});
