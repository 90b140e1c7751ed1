import { computeShapes } from '../compute-shapes';
import { formatCount } from '../format-shape-table';
import type { Cell } from '../shape-spec';
import { directions, gateCount, outSize, type ShapeTensor } from '../tensor';
import {
  CELL_NAME,
  CONVENTION_TEXT,
  count,
  type Distractor,
  type Drill,
  describeNetwork,
  type Setup,
} from './drill';
import type { Rng } from './rng';

const GATE_WORDS: Record<number, string> = {
  1: 'one gate',
  3: "a GRU's 3 gates",
  4: "an LSTM's 4 gates",
};

interface Exclusions {
  bias: boolean;
  output: boolean;
}

function counted(tensors: readonly ShapeTensor[], ex: Exclusions): number {
  let n = 0;
  for (const t of tensors) {
    if (ex.bias && t.kind === 'bias') continue;
    if (ex.output && t.part === 'output') continue;
    n += t.params;
  }
  return n;
}

function total(spec: Setup['spec'], ex: Exclusions): number {
  return counted(computeShapes(spec).tensors, ex);
}

/** The same network with another cell, keeping only the options that cell accepts. */
function withCell(spec: Setup['spec'], cell: Cell): Setup['spec'] {
  const { proj: _p, resetAfter: _r, ...rest } = spec;
  return { ...rest, cell };
}

function breakdown(s: Setup, ex: Exclusions): string {
  const { spec, report } = s;
  const g = gateCount(spec.cell);
  const h = spec.hidden;
  const rec = outSize(spec);
  const lines: string[] = [];
  for (let layer = 0; layer < (spec.layers ?? 1); layer++) {
    const inK = layer === 0 ? spec.input : directions(spec) * rec;
    for (const dir of spec.bidirectional ? ['forward', 'backward'] : ['forward']) {
      const slot = report.tensors.filter((t) => t.layer === layer && t.direction === dir);
      const biases = ex.bias
        ? 0
        : counted(slot, { bias: false, output: false }) -
          counted(slot, { bias: true, output: false });
      let text = `${g} × ${h} × (${inK} + ${rec}) = ${formatCount(g * h * (inK + rec))} weights`;
      if (spec.proj !== undefined)
        text += ` + ${spec.proj} × ${h} = ${formatCount(spec.proj * h)} projection`;
      if (biases > 0) text += ` + ${formatCount(biases)} biases`;
      const where = `layer ${layer}${spec.bidirectional ? ` ${dir}` : ''}`;
      const extra = spec.proj !== undefined || biases > 0;
      lines.push(`${where}: ${text}${extra ? ` = ${formatCount(counted(slot, ex))}` : ''}`);
    }
  }
  if (report.output && !ex.output) {
    const o = report.output;
    lines.push(
      `output: ${o.classes} × ${o.features} = ${formatCount(o.weights)} weights${ex.bias || o.biases === 0 ? '' : ` + ${o.classes} biases`}`,
    );
  }
  return lines.join('; ');
}

/** Total parameter count, with or without biases and the output layer. */
export function paramsDrill(s: Setup, rng: Rng): Drill | undefined {
  const { spec, report } = s;
  const hasBias = spec.bias !== false;
  const ex: Exclusions = {
    bias: hasBias && rng.chance(0.35),
    output: report.output !== undefined && rng.chance(0.5),
  };
  const key = counted(report.tensors, ex);
  const recurrentBiases = report.recurrent.biases;
  const distractors: Distractor[] = [];
  const add = (n: number, mistake: string) => {
    if (n > 0) distractors.push({ value: count(n), mistake });
  };
  const g = gateCount(spec.cell);
  const pyTorch = spec.convention === 'pytorch';
  const doubleBias =
    spec.convention === 'keras' && spec.cell === 'gru' && spec.resetAfter !== false;
  if (hasBias && !ex.bias) {
    add(counted(report.tensors, { ...ex, bias: true }), 'forgot the biases');
    if (pyTorch)
      add(
        key - recurrentBiases / 2,
        'counted one bias per gate; PyTorch has both bias_ih and bias_hh',
      );
    else if (doubleBias)
      add(
        key - recurrentBiases / 2,
        'forgot that reset_after=True (the Keras default) doubles the GRU bias',
      );
    else
      add(
        key + recurrentBiases,
        'counted two biases per gate as PyTorch does; this convention has one',
      );
  }
  if (ex.bias)
    add(
      counted(report.tensors, { ...ex, bias: false }),
      'counted the biases the question says to ignore',
    );
  if (spec.bidirectional)
    add(total({ ...spec, bidirectional: false }, ex), 'forgot the backward direction');
  const layers = spec.layers ?? 1;
  if (layers > 1) {
    const first = report.tensors.filter((t) => t.layer === 0 && t.part === 'recurrent');
    const out = report.tensors.filter((t) => t.part === 'output');
    add(
      layers * counted(first, ex) + counted(out, ex),
      'fed every layer the input size instead of the output of the layer below',
    );
    add(total({ ...spec, layers: 1 }, ex), 'counted only the first layer');
  }
  if (report.output) {
    const o = counted(
      report.tensors.filter((t) => t.part === 'output'),
      { ...ex, output: false },
    );
    if (ex.output) add(key + o, 'counted the output layer the question says to ignore');
    else add(key - o, 'forgot the softmax output layer');
  }
  if (spec.proj !== undefined) {
    const { proj: _p, ...noProj } = spec;
    add(total(noProj, ex), 'ignored the projection (proj_size)');
  }
  for (const other of (['rnn', 'gru', 'lstm'] as const).filter((c) => c !== spec.cell)) {
    add(
      total(withCell(spec, other), ex),
      `counted ${GATE_WORDS[gateCount(other)]} instead of ${GATE_WORDS[g]}`,
    );
  }
  if (spec.proj === undefined) {
    add(
      total({ ...spec, input: spec.hidden, hidden: spec.input }, ex),
      'swapped the input and hidden sizes',
    );
  }
  const inputWeights = report.tensors
    .filter((t) => t.operand === 'input')
    .reduce((a, t) => a + t.params, 0);
  add(key - inputWeights, `counted only the recurrent weights and forgot the input weights`);
  const without = [ex.bias && 'biases', ex.output && 'the output layer'].filter(Boolean);
  return {
    kind: 'params',
    prompt: `Under ${CONVENTION_TEXT[spec.convention]}, ${describeNetwork(spec)}. How many trainable parameters does it have${without.length ? `, ignoring ${without.join(' and ')}` : ' in total'}?`,
    key: count(key),
    distractors,
    computation: `${breakdown(s, ex)}. Total: ${formatCount(key)}.`,
    check: {
      quantity: 'params',
      spec,
      exclude: [
        ...(ex.bias ? (['bias'] as const) : []),
        ...(ex.output ? (['output'] as const) : []),
      ],
    },
  };
}

const STEPS = [10, 16, 20, 24, 30, 50, 64, 100, 128] as const;

/** Depth of the network unrolled in time: the number of time steps. */
export function unrolledDepthDrill(s: Setup, rng: Rng): Drill | undefined {
  const { spec } = s;
  const steps = rng.pick(STEPS);
  const layers = spec.layers ?? 1;
  const distractors: Distractor[] = [];
  if (layers > 1) {
    distractors.push({
      value: count(steps * layers),
      mistake: `multiplied by the ${layers} stacked layers; unrolling is in time only`,
    });
    distractors.push({
      value: count(layers),
      mistake: 'gave the number of stacked layers, not the time steps',
    });
  }
  if (spec.bidirectional) {
    distractors.push({
      value: count(2 * steps),
      mistake: 'counted each direction as its own chain of steps',
    });
  }
  distractors.push(
    {
      value: count(steps - 1),
      mistake: 'counted the transitions between steps instead of the steps',
    },
    { value: count(steps + 1), mistake: 'counted the initial state $h_0$ as a step' },
    {
      value: count(spec.input),
      mistake: 'gave the input size per step instead of the number of steps',
    },
  );
  return {
    kind: 'unrolled-depth',
    prompt: `${describeNetwork(spec, true).replace(/^a/, 'A')}. It reads sequences of ${steps} time steps (say, clips of ${steps} frames). What is the depth of the ${CELL_NAME[spec.cell]} unrolled in time?`,
    key: count(steps),
    distractors,
    computation: `Unrolling makes one copy of the cell per time step: ${steps} steps give a depth of ${steps} in time, however many layers are stacked.`,
    check: { quantity: 'unrolled-depth', steps },
    conventionFree: true,
  };
}
