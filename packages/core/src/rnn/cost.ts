import { z } from 'zod';
import type { ShapeReport } from './compute-shapes';
import { ShapeSpecError } from './errors';
import { MAX_SIZE } from './shape-spec';

const StepsSchema = z.number().int().min(1).max(MAX_SIZE);

function steps(n: number): number {
  const r = StepsSchema.safeParse(n);
  if (!r.success)
    throw new ShapeSpecError(`sequence length must be a whole number from 1 to 10^7, got ${n}`);
  return r.data;
}

/** Depth of the network unrolled in time: one copy of the cell per time step. */
export function unrolledDepth(sequenceLength: number): number {
  return steps(sequenceLength);
}

/** Multiply-accumulates of the recurrent layers for one time step (every direction, every layer). */
export function macsPerStep(report: ShapeReport): number {
  let macs = 0;
  for (const t of report.tensors)
    if (t.part === 'recurrent' && t.kind === 'weight') macs += t.params;
  return macs;
}

/** Recurrent MACs over the whole sequence plus the output layer once, on the last hidden state. */
export function macsPerSequence(report: ShapeReport, sequenceLength: number): number {
  const macs = macsPerStep(report) * steps(sequenceLength) + (report.output?.weights ?? 0);
  if (!Number.isSafeInteger(macs)) {
    throw new ShapeSpecError(
      `about ${macs.toExponential(2)} MACs, more than can be counted exactly`,
    );
  }
  return macs;
}

export const Conv2dSchema = z.object({
  size: z.number().int().min(1).max(MAX_SIZE).describe('Input width (or height)'),
  kernel: z.number().int().min(1).max(MAX_SIZE),
  stride: z.number().int().min(1).max(MAX_SIZE).default(1),
  padding: z.number().int().min(0).max(MAX_SIZE).default(0),
});
export type Conv2d = z.infer<typeof Conv2dSchema>;

/** floor((W − K + 2P) / S) + 1, e.g. AlexNet's first layer: 227, K 11, S 4 → 55. */
export function conv2dOutputSize(input: z.input<typeof Conv2dSchema>): number {
  const r = Conv2dSchema.safeParse(input);
  if (!r.success) {
    throw new ShapeSpecError(
      `invalid convolution: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const { size, kernel, stride, padding } = r.data;
  if (kernel > size + 2 * padding) {
    throw new ShapeSpecError(
      `a ${kernel}-wide kernel does not fit an input of ${size} with padding ${padding}`,
    );
  }
  return Math.floor((size - kernel + 2 * padding) / stride) + 1;
}
