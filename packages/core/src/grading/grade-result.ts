import { z } from 'zod';
import { OptionKeySchema } from '../model/option';

export const VerdictSchema = z.enum(['correct', 'partial', 'wrong', 'unanswered']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const GradeResultSchema = z.object({
  verdict: VerdictSchema,
  /** 0..1 */
  score: z.number().min(0).max(1),
  /** Keys the player did not pick, in option order. */
  missed: z.array(OptionKeySchema),
  /** Picks that are not keys, in option order (letters that are no option come last, sorted). */
  wrong: z.array(z.string()),
});
export type GradeResult = z.infer<typeof GradeResultSchema>;
