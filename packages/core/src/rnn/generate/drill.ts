import type { CheckInput } from '../check-schema';
import { computeShapes, type ShapeReport } from '../compute-shapes';
import { formatCount, formatShape } from '../format-shape-table';
import type { Cell, Convention, ShapeSpecInput } from '../shape-spec';
import type { ShapeTensor } from '../tensor';

export type Value = { kind: 'shape'; shape: number[] } | { kind: 'count'; count: number };

/** A wrong answer and the mistake that produces it. */
export interface Distractor {
  value: Value;
  mistake: string;
}

/** A question before its options are shuffled and lettered. */
export interface Drill {
  kind: string;
  prompt: string;
  key: Value;
  /** Candidate wrong answers, most telling first; duplicates and the key itself are dropped later. */
  distractors: Distractor[];
  /** How the key is computed (Markdown). */
  computation: string;
  check: CheckInput;
  /** True when the answer does not depend on the convention (e.g. unrolled depth). */
  conventionFree?: boolean;
}

/** The network a drill asks about; `spec` is what goes into the check, defaults left out. */
export interface Setup {
  spec: ShapeSpecInput & { cell: Cell; convention: Convention };
  report: ShapeReport;
}

export function setup(spec: Setup['spec']): Setup {
  return { spec, report: computeShapes(spec) };
}

export const shape = (s: number[]): Value => ({ kind: 'shape', shape: s });
export const count = (n: number): Value => ({ kind: 'count', count: n });

/** Option text: `$100 \times 50$` in the textbook convention, `(400, 50)` in the frameworks'. */
export function valueText(v: Value, convention: Convention): string {
  if (v.kind === 'count') return formatCount(v.count);
  if (convention === 'textbook') return `$${v.shape.join(' \\times ')}$`;
  return formatShape(v.shape, convention);
}

export const CELL_NAME: Record<Cell, string> = { rnn: 'vanilla RNN', gru: 'GRU', lstm: 'LSTM' };

/** "a 2-layer bidirectional LSTM" and the rest of the network, in words. */
export function describeNetwork(spec: Setup['spec'], brief = false): string {
  const layers = spec.layers ?? 1;
  const parts = [
    layers > 1 ? `a ${layers}-layer` : 'a single-layer',
    spec.bidirectional ? 'bidirectional' : '',
    CELL_NAME[spec.cell],
  ].filter(Boolean);
  let text = `${parts.join(' ')} reads inputs of size ${spec.input} with ${spec.hidden} hidden units${spec.bidirectional ? ' per direction' : ''}`;
  if (spec.proj !== undefined) text += ` projected to ${spec.proj}`;
  if (brief) return text;
  if (spec.cell === 'gru' && spec.convention === 'keras') {
    text += spec.resetAfter === false ? ' (reset_after=False)' : ' (reset_after=True, the default)';
  }
  if (spec.bias === false) text += ', without biases';
  if (spec.classes !== undefined) {
    text += `, followed by a softmax layer over ${spec.classes} classes on the last hidden state`;
  }
  return text;
}

export const CONVENTION_TEXT: Record<Convention, string> = {
  textbook:
    'the textbook convention (column vectors, $h_t = g(W_{hh} h_{t-1} + W_{xh} x_t + b_h)$; gated cells have $W$, $U$ and $b$ per gate)',
  pytorch: 'the PyTorch convention (`torch.nn` modules, as `named_parameters()` lists them)',
  keras: 'the Keras convention (`kernel`, `recurrent_kernel`, `bias`)',
};

/** Where a tensor sits, for prompts: "`weight_ih_l1_reverse` (layer 1, backward direction)". */
export function tensorLabel(t: ShapeTensor, spec: Setup['spec']): string {
  const where: string[] = [];
  if (t.part === 'output') where.push('output layer');
  else {
    if ((spec.layers ?? 1) > 1) where.push(`layer ${t.layer}`);
    if (spec.bidirectional) where.push(`${t.direction} direction`);
  }
  return `\`${t.name}\`${where.length ? ` (${where.join(', ')})` : ''}`;
}
