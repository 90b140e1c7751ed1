import { z } from 'zod';
import { Conv2dSchema } from './cost';
import { MAX_SIZE, ShapeSpecSchema } from './shape-spec';

const steps = z
  .number()
  .int('steps must be a whole number')
  .min(1, 'steps must be at least 1')
  .max(MAX_SIZE, 'steps must be at most 10^7')
  .describe('Sequence length (time steps)');

export const CheckExclusionSchema = z
  .enum(['bias', 'output'])
  .describe('bias: count weights only; output: leave out the softmax layer');
export type CheckExclusion = z.infer<typeof CheckExclusionSchema>;

/**
 * What a question's key should equal, computed from a shape spec. The key's option text is read as
 * a shape (`100x50`, `$100 \times 50$`, `(400,)`) or a count (`60000`, `60,000`).
 */
export const CheckSchema = z
  .discriminatedUnion('quantity', [
    z.object({
      quantity: z.literal('shape').describe('Shape of one tensor, named as in the convention'),
      spec: ShapeSpecSchema,
      tensor: z.string().min(1).describe('e.g. W_xh, weight_ih_l0, lstm/kernel, W_yh'),
    }),
    z.object({
      quantity: z.literal('params').describe('Parameter count of the network or of one tensor'),
      spec: ShapeSpecSchema,
      tensor: z.string().min(1).optional(),
      exclude: z.array(CheckExclusionSchema).default([]),
    }),
    z.object({
      quantity: z.literal('unrolled-depth').describe('Depth of the network unrolled in time'),
      steps,
    }),
    z.object({
      quantity: z.literal('macs-per-step').describe('Recurrent multiply-accumulates per time step'),
      spec: ShapeSpecSchema,
    }),
    z.object({
      quantity: z
        .literal('macs-per-sequence')
        .describe('Recurrent MACs over the sequence plus the output layer once'),
      spec: ShapeSpecSchema,
      steps,
    }),
    z.object({
      quantity: z.literal('conv-output').describe('Output width of a 2-D convolution'),
      conv: Conv2dSchema,
    }),
  ])
  .describe('Shape-math check of the key (see docs/shape-math.md)');
export type Check = z.infer<typeof CheckSchema>;
export type CheckInput = z.input<typeof CheckSchema>;
