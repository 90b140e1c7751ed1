import { defineCommand, print } from '@quizdeck/cli-kit';
import {
  computeShapes,
  formatCount,
  formatShapeTable,
  macsPerSequence,
  macsPerStep,
  ShapeSpecError,
  shapesJson,
  unrolledDepth,
} from '@quizdeck/core';

/** A whole-number flag, or undefined when it was not given. */
export function intFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) {
    throw new ShapeSpecError(`--${name} must be a whole number (got "${value}")`);
  }
  return Number(value);
}

/**
 * `quizdeck shapes --cell lstm --input 50 --hidden 100 …`: every tensor's name, shape and parameter
 * count under one convention, with totals; `--json` for machines, `--steps` adds depth and MACs.
 */
export default defineCommand({
  meta: { name: 'shapes', description: 'Shapes and parameter counts of an RNN, GRU or LSTM' },
  args: {
    cell: { type: 'string', description: 'rnn | gru | lstm', required: true },
    input: { type: 'string', description: 'Input size (features per time step)', required: true },
    hidden: { type: 'string', description: 'Hidden units per direction', required: true },
    layers: { type: 'string', description: 'Stacked layers (default 1)' },
    bidirectional: { type: 'boolean', description: 'Two directions', default: false },
    proj: { type: 'string', description: 'LSTM projection size (proj_size)' },
    classes: { type: 'string', description: 'Softmax output layer on the last hidden state' },
    convention: {
      type: 'string',
      description: 'textbook | pytorch | keras (default textbook)',
      default: 'textbook',
    },
    bias: { type: 'boolean', description: 'Biases (--no-bias to leave them out)', default: true },
    'reset-after': {
      type: 'boolean',
      description: 'Keras GRU reset_after (default true; --no-reset-after)',
    },
    steps: { type: 'string', description: 'Sequence length: also print unrolled depth and MACs' },
    json: { type: 'boolean', description: 'Print JSON', default: false },
  },
  run({ args }) {
    const optional = <T>(key: string, value: T | undefined) =>
      value === undefined ? {} : { [key]: value };
    const report = computeShapes({
      cell: args.cell as never,
      input: intFlag('input', args.input) as number,
      hidden: intFlag('hidden', args.hidden) as number,
      bidirectional: args.bidirectional,
      bias: args.bias,
      convention: args.convention as never,
      ...optional('layers', intFlag('layers', args.layers)),
      ...optional('proj', intFlag('proj', args.proj)),
      ...optional('classes', intFlag('classes', args.classes)),
      ...optional('resetAfter', args['reset-after'] as boolean | undefined),
    });
    const steps = intFlag('steps', args.steps);
    const sequence =
      steps === undefined
        ? undefined
        : {
            steps,
            unrolledDepth: unrolledDepth(steps),
            macsPerStep: macsPerStep(report),
            macsPerSequence: macsPerSequence(report, steps),
          };
    if (args.json) {
      const out = { ...shapesJson(report), ...(sequence ? { sequence } : {}) };
      print(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    let text = formatShapeTable(report);
    if (sequence) {
      text += `\nunrolled depth: ${sequence.unrolledDepth} (${steps} steps)\n`;
      text += `MACs per step: ${formatCount(sequence.macsPerStep)}\n`;
      text += `MACs per sequence: ${formatCount(sequence.macsPerSequence)} (recurrent × ${steps}${report.output ? ' + output layer once' : ''})\n`;
    }
    print(text);
  },
});
