import { kerasLayer, kerasOutput } from './conventions/keras';
import { pytorchLayer, pytorchOutput } from './conventions/pytorch';
import { textbookLayer, textbookOutput } from './conventions/textbook';
import { ShapeSpecError } from './errors';
import { type Convention, parseShapeSpec, type ShapeSpec, type ShapeSpecInput } from './shape-spec';
import { directions, type LayerSlot, outSize, type ShapeTensor } from './tensor';

export interface ShapeTotals {
  weights: number;
  biases: number;
  params: number;
}

/** Every tensor of the network under one convention, with totals. */
export interface ShapeReport {
  convention: Convention;
  spec: ShapeSpec;
  tensors: ShapeTensor[];
  /** The whole network: recurrent layers plus the output layer when there is one. */
  totals: ShapeTotals;
  /** The recurrent layers alone. */
  recurrent: ShapeTotals;
  /** The softmax layer on the last hidden state, when `classes` is set. */
  output?: ShapeTotals & { features: number; classes: number };
}

const LAYER = { textbook: textbookLayer, pytorch: pytorchLayer, keras: kerasLayer } as const;
const OUTPUT = { textbook: textbookOutput, pytorch: pytorchOutput, keras: kerasOutput } as const;

export function sumTensors(tensors: readonly ShapeTensor[]): ShapeTotals {
  let weights = 0;
  let biases = 0;
  for (const t of tensors) {
    if (t.kind === 'weight') weights += t.params;
    else biases += t.params;
  }
  return { weights, biases, params: weights + biases };
}

/**
 * Shapes and parameter counts of an RNN / GRU / LSTM stack. Accepts an unparsed spec (validated
 * here, a ShapeSpecError on bad input) or an already parsed one.
 */
export function computeShapes(input: ShapeSpecInput | ShapeSpec): ShapeReport {
  const spec = parseShapeSpec(input);
  const build = LAYER[spec.convention];
  const dirs = spec.bidirectional ? (['forward', 'backward'] as const) : (['forward'] as const);
  const tensors: ShapeTensor[] = [];
  for (let layer = 0; layer < spec.layers; layer++) {
    const inSize = layer === 0 ? spec.input : directions(spec) * outSize(spec);
    for (const direction of dirs) {
      const slot: LayerSlot = { spec, layer, direction, inSize };
      tensors.push(...build(slot));
    }
  }
  const recurrent = sumTensors(tensors);
  const report: ShapeReport = {
    convention: spec.convention,
    spec,
    tensors,
    totals: recurrent,
    recurrent,
  };
  if (spec.classes !== undefined) {
    const features = directions(spec) * outSize(spec);
    const out = OUTPUT[spec.convention](features, spec.classes, spec.bias, spec.layers);
    tensors.push(...out);
    report.output = { ...sumTensors(out), features, classes: spec.classes };
    report.totals = sumTensors(tensors);
  }
  if (!Number.isSafeInteger(report.totals.params)) {
    throw new ShapeSpecError(
      `this network has about ${report.totals.params.toExponential(2)} parameters, more than can be counted exactly (2^53)`,
    );
  }
  return report;
}

/** The tensor called `name`, or undefined. */
export function findTensor(report: ShapeReport, name: string): ShapeTensor | undefined {
  return report.tensors.find((t) => t.name === name);
}
