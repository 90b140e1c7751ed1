import { z } from 'zod';
import type { ShapeReport } from './compute-shapes';
import { ConventionSchema } from './shape-spec';

const TotalsSchema = z.object({ weights: z.number(), biases: z.number(), params: z.number() });

/** The machine form of a shape report (`quizdeck shapes --json`); its field names are public. */
export const ShapesJsonSchema = z.object({
  convention: ConventionSchema,
  tensors: z.array(
    z.object({
      name: z.string(),
      shape: z.array(z.number()),
      params: z.number(),
      layer: z.number(),
      direction: z.enum(['forward', 'backward', 'none']),
    }),
  ),
  totals: TotalsSchema,
});
export type ShapesJson = z.infer<typeof ShapesJsonSchema>;

/** `{convention, tensors: [{name, shape, params, layer, direction}], totals}` of a report. */
export function shapesJson(report: ShapeReport): ShapesJson {
  return {
    convention: report.convention,
    tensors: report.tensors.map(({ name, shape, params, layer, direction }) => ({
      name,
      shape,
      params,
      layer,
      direction,
    })),
    totals: { ...report.totals },
  };
}
