import { z } from 'zod';
import { ShapeSpecError } from './errors';

export const CellSchema = z.enum(['rnn', 'gru', 'lstm'], {
  error: (iss) =>
    iss.input === undefined
      ? 'cell is required (rnn, gru or lstm)'
      : 'cell must be rnn, gru or lstm',
});
export type Cell = z.infer<typeof CellSchema>;

export const ConventionSchema = z
  .enum(['textbook', 'pytorch', 'keras'], {
    error: 'convention must be textbook, pytorch or keras',
  })
  .describe('textbook: column vectors, W_xh hidden×input; pytorch: nn.RNN/GRU/LSTM; keras: kernel');
export type Convention = z.infer<typeof ConventionSchema>;

/** Largest size accepted: beyond it counts stop being exact in a double soon enough to matter. */
export const MAX_SIZE = 10_000_000;
export const MAX_LAYERS = 1000;

const size = (what: string) =>
  z
    .number({
      error: (iss) =>
        iss.input === undefined ? `${what} is required` : `${what} must be a number`,
    })
    .int(`${what} must be a whole number`)
    .min(1, `${what} must be at least 1`)
    .max(MAX_SIZE, `${what} must be at most 10^7`);

const ShapeSpecShape = z.object({
  cell: CellSchema,
  input: size('input size').describe('Features per time step'),
  hidden: size('hidden size').describe('Hidden units per direction'),
  layers: z
    .number()
    .int('layers must be a whole number')
    .min(1, 'layers must be at least 1')
    .max(MAX_LAYERS, `layers must be at most ${MAX_LAYERS}`)
    .default(1),
  bidirectional: z.boolean().default(false),
  proj: size('projection size').optional().describe('LSTM projection size (proj_size)'),
  bias: z.boolean().default(true),
  classes: size('classes').optional().describe('Softmax output layer on the last hidden state'),
  convention: ConventionSchema.default('textbook'),
  resetAfter: z
    .boolean()
    .optional()
    .describe('Keras GRU reset_after (Keras default true: bias of shape (2, 3·units))'),
});

/** Which fields go together (projection, resetAfter); each problem goes to `add`. */
export function checkShapeSpec(
  s: ShapeSpec,
  add: (issue: { path: PropertyKey[]; message: string }) => void,
): void {
  if (s.proj !== undefined) {
    if (s.cell !== 'lstm') {
      add({
        path: ['proj'],
        message: `a projection (proj) exists only for LSTM, not ${s.cell.toUpperCase()}`,
      });
    } else if (s.proj >= s.hidden) {
      add({
        path: ['proj'],
        message: `the projection size (${s.proj}) must be smaller than the hidden size (${s.hidden})`,
      });
    } else if (s.convention === 'keras') {
      add({
        path: ['proj'],
        message: 'Keras LSTM has no projection; use the pytorch or textbook convention',
      });
    }
  }
  if (s.resetAfter !== undefined && (s.cell !== 'gru' || s.convention !== 'keras')) {
    add({
      path: ['resetAfter'],
      message: 'resetAfter applies only to a GRU under the keras convention',
    });
  }
}

export const ShapeSpecSchema = ShapeSpecShape.superRefine((s, ctx) =>
  checkShapeSpec(s, (issue) => ctx.addIssue({ code: 'custom', ...issue })),
);
export type ShapeSpec = z.infer<typeof ShapeSpecSchema>;
export type ShapeSpecInput = z.input<typeof ShapeSpecSchema>;

/** Validates a spec, throwing a ShapeSpecError that lists every problem. */
export function parseShapeSpec(input: unknown): ShapeSpec {
  const result = ShapeSpecSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) =>
    i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message,
  );
  throw new ShapeSpecError(`invalid shape spec: ${problems.join('; ')}`);
}
