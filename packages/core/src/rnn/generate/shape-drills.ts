import { directions, gateCount, outSize, type ShapeTensor } from '../tensor';
import {
  CONVENTION_TEXT,
  type Distractor,
  type Drill,
  describeNetwork,
  type Setup,
  shape,
  tensorLabel,
} from './drill';
import type { Rng } from './rng';

const GATE_WORDS: Record<number, string> = {
  1: 'one gate',
  3: "a GRU's 3 gates",
  4: "an LSTM's 4 gates",
};

/** Index of the output (gates·hidden) and input dimensions of a 2-D weight. */
function dims(s: Setup): { out: 0 | 1; in: 0 | 1 } {
  return s.spec.convention === 'keras' ? { out: 1, in: 0 } : { out: 0, in: 1 };
}

function replaced(t: ShapeTensor, i: 0 | 1, value: number): number[] {
  const out = [...t.shape];
  out[i] = value;
  return out;
}

function prompt(s: Setup, t: ShapeTensor, what: string): string {
  return `Under ${CONVENTION_TEXT[s.spec.convention]}, ${describeNetwork(s.spec)}. What is the shape of ${what} ${tensorLabel(t, s.spec)}?`;
}

/** Gate counts a student may wrongly use, with the mistake in words. */
function gateSlips(s: Setup, t: ShapeTensor, i: 0 | 1): Distractor[] {
  const g = gateCount(s.spec.cell);
  const h = s.spec.hidden;
  const stacked = s.spec.convention !== 'textbook';
  if (!stacked) {
    if (g === 1) return [];
    return [
      {
        value: shape(replaced(t, i, g * h)),
        mistake: `stacked all ${g} gates into one matrix; the textbook convention keeps one matrix per gate`,
      },
    ];
  }
  return [1, 3, 4]
    .filter((x) => x !== g)
    .map((x) => ({
      value: shape(replaced(t, i, x * h)),
      mistake: `counted ${GATE_WORDS[x]} instead of ${GATE_WORDS[g]} (the gates are stacked: ${g} × ${h})`,
    }));
}

/** Shape of a weight matrix: input → hidden, hidden → hidden or the projection. */
export function weightShapeDrill(s: Setup, rng: Rng): Drill | undefined {
  const candidates = s.report.tensors.filter((t) => t.part === 'recurrent' && t.kind === 'weight');
  const t = rng.pick(candidates);
  const { spec } = s;
  const d = dims(s);
  const distractors: Distractor[] = [];
  const keras = spec.convention === 'keras';
  distractors.push({
    value: shape([...t.shape].reverse()),
    mistake: keras
      ? 'transposed: Keras stores a kernel as inputs × outputs, not outputs × inputs'
      : 'transposed: rows are outputs and columns inputs, not the other way round',
  });
  const isProjection = t.name.includes('_hr');
  if (isProjection) {
    distractors.push({
      value: shape([spec.hidden, spec.hidden]),
      mistake: 'made the projection square; it maps the hidden size down to the projection size',
    });
    distractors.push({
      value: shape([spec.proj ?? spec.hidden, spec.input]),
      mistake: 'projected the input instead of the hidden state',
    });
  } else {
    distractors.push(...gateSlips(s, t, d.out));
    const inSize = t.shape[d.in] ?? 0;
    if (t.operand === 'input') {
      distractors.push({
        value: shape(replaced(t, d.in, spec.hidden)),
        mistake: 'used the hidden size where the input size belongs',
      });
      if (t.layer > 0 && spec.bidirectional) {
        distractors.push({
          value: shape(replaced(t, d.in, outSize(spec))),
          mistake: `forgot that layer ${t.layer} reads both directions of the layer below (2 × ${outSize(spec)})`,
        });
      }
      if (t.layer > 0) {
        distractors.push({
          value: shape(replaced(t, d.in, spec.input)),
          mistake: `fed layer ${t.layer} the raw input size instead of the output of the layer below`,
        });
      }
      if (t.layer === 0 && spec.bidirectional) {
        distractors.push({
          value: shape(replaced(t, d.in, 2 * inSize)),
          mistake:
            'doubled the input for the second direction; each direction reads the same input',
        });
      }
    } else {
      const layerIn = t.layer === 0 ? spec.input : directions(spec) * outSize(spec);
      distractors.push({
        value: shape(replaced(t, d.in, layerIn)),
        mistake: `used the layer's input size (${layerIn}) where the hidden state's size belongs`,
      });
      if (spec.proj !== undefined) {
        distractors.push({
          value: shape(replaced(t, d.in, spec.hidden)),
          mistake: `used the hidden size; with a projection the recurrent state has size ${spec.proj}`,
        });
      }
    }
    if (spec.convention === 'textbook') {
      distractors.push({
        value: shape(replaced(t, d.in, inSize + 1)),
        mistake: 'folded the bias into the matrix as an extra column',
      });
    }
    distractors.push({
      value: shape([t.shape[d.out] ?? 0, t.shape[d.out] ?? 0]),
      mistake: 'made the matrix square',
    });
  }
  const side = t.operand === 'input' ? 'input' : 'hidden state';
  const g = gateCount(spec.cell);
  const produces = isProjection
    ? 'the projected state'
    : spec.convention === 'textbook'
      ? g > 1
        ? "one gate's pre-activation"
        : 'the hidden pre-activation'
      : g > 1
        ? `the ${g} stacked gates' pre-activations`
        : 'the hidden pre-activation';
  const rows = d.out === 0 ? 'rows' : 'columns';
  return {
    kind: 'weight-shape',
    prompt: prompt(s, t, 'the weight'),
    key: shape(t.shape),
    distractors,
    computation: `${tensorLabel(t, spec)} multiplies the ${isProjection ? 'cell output' : side} (size ${t.shape[d.in]}) and produces ${produces} (size ${g > 1 && spec.convention !== 'textbook' && !isProjection ? `${g} × ${spec.hidden} = ` : ''}${t.shape[d.out]}); the ${spec.convention} convention puts outputs in ${rows}, so its shape is ${t.shape.join(' × ')}.`,
    check: { quantity: 'shape', spec, tensor: t.name },
  };
}

/** Shape of a recurrent layer's bias. */
export function biasShapeDrill(s: Setup, rng: Rng): Drill | undefined {
  const candidates = s.report.tensors.filter((t) => t.part === 'recurrent' && t.kind === 'bias');
  if (candidates.length === 0) return undefined;
  const t = rng.pick(candidates);
  const { spec } = s;
  const g = gateCount(spec.cell);
  const h = spec.hidden;
  const distractors: Distractor[] = [];
  let computation: string;
  if (spec.convention === 'textbook') {
    distractors.push(
      {
        value: shape([1, h]),
        mistake: 'wrote a row vector; with column vectors the bias is hidden × 1',
      },
      {
        value: shape([spec.input, 1]),
        mistake: 'sized the bias by the input instead of the hidden state',
      },
      { value: shape([h, h]), mistake: 'made the bias a square matrix; a bias is a vector' },
    );
    if (g > 1) {
      distractors.unshift({
        value: shape([g * h, 1]),
        mistake: `stacked the ${g} gates' biases; the textbook convention has one bias per gate`,
      });
    }
    computation = `$h_t$ is a ${h} × 1 column and the bias is added to it, so ${tensorLabel(t, spec)} is ${h} × 1.`;
  } else {
    const resetAfter = t.shape.length === 2;
    const gh = g * h;
    distractors.push({
      value: shape([h]),
      mistake: `forgot that the ${g} gates' biases are stacked (${g} × ${h})`,
    });
    for (const x of [1, 3, 4].filter((x) => x !== g)) {
      distractors.push({
        value: shape([x * h]),
        mistake: `counted ${GATE_WORDS[x]} instead of ${GATE_WORDS[g]}`,
      });
    }
    distractors.push({
      value: shape([gh, 1]),
      mistake: 'wrote a column vector; the frameworks store biases as 1-D',
    });
    if (spec.convention === 'pytorch') {
      distractors.unshift({
        value: shape([2 * gh]),
        mistake: 'merged bias_ih and bias_hh into one tensor; PyTorch keeps two',
      });
      computation = `${tensorLabel(t, spec)} holds one bias per gate row of the stacked weights: ${g} × ${h} = ${gh}, 1-D.`;
    } else if (resetAfter) {
      distractors.unshift({
        value: shape([gh]),
        mistake:
          'forgot reset_after=True (the Keras GRU default), which keeps input and recurrent biases apart',
      });
      computation = `With reset_after=True the Keras GRU keeps an input and a recurrent bias for its 3 gates: (2, 3 × ${h}) = (2, ${gh}).`;
    } else {
      distractors.unshift({
        value: shape([2, gh]),
        mistake:
          spec.cell === 'gru'
            ? 'used the reset_after=True layout (2, 3·units), but this GRU has reset_after=False'
            : 'doubled the bias as a reset_after GRU does; this cell has one bias',
      });
      computation = `Keras keeps one bias for the ${g} stacked gate${g > 1 ? 's' : ''}: ${g} × ${h} = ${gh}, 1-D.`;
    }
  }
  return {
    kind: 'bias-shape',
    prompt: prompt(s, t, 'the bias'),
    key: shape(t.shape),
    distractors,
    computation,
    check: { quantity: 'shape', spec, tensor: t.name },
  };
}

/** Shape of the softmax layer's weight. */
export function outputShapeDrill(s: Setup, _rng: Rng): Drill | undefined {
  const t = s.report.tensors.find((x) => x.part === 'output' && x.kind === 'weight');
  const out = s.report.output;
  if (!t || !out) return undefined;
  const { spec } = s;
  const d = dims(s);
  const c = out.classes;
  const f = out.features;
  const distractors: Distractor[] = [
    {
      value: shape([...t.shape].reverse()),
      mistake:
        spec.convention === 'keras'
          ? 'transposed: a Dense kernel is inputs × classes'
          : 'transposed: the output weight is classes × hidden, not hidden × classes',
    },
    {
      value: shape(replaced(t, d.in, spec.input)),
      mistake: 'used the input size instead of the hidden state',
    },
    { value: shape([c, c]), mistake: 'made the output weight square' },
  ];
  if (spec.bidirectional) {
    distractors.unshift({
      value: shape(replaced(t, d.in, f / 2)),
      mistake: `forgot the second direction: the softmax reads both directions' states (2 × ${f / 2})`,
    });
  }
  if (spec.proj !== undefined) {
    distractors.unshift({
      value: shape(replaced(t, d.in, directions(spec) * spec.hidden)),
      mistake: `used the hidden size; the LSTM emits its ${spec.proj}-wide projection`,
    });
  }
  if (spec.convention === 'textbook') {
    distractors.push({ value: shape([c, f + 1]), mistake: 'counted the bias as an extra column' });
  }
  return {
    kind: 'output-shape',
    prompt: prompt(s, t, 'the output weight'),
    key: shape(t.shape),
    distractors,
    computation: `The softmax maps the last hidden state (size ${f}${spec.bidirectional ? ', both directions concatenated' : ''}) to ${c} classes; the ${spec.convention} convention stores it as ${t.shape.join(' × ')}.`,
    check: { quantity: 'shape', spec, tensor: t.name },
  };
}
