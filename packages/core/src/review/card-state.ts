import { z } from 'zod';

/** FSRS's card phases, by name (the store keeps names, not ts-fsrs's enum numbers). */
export const CardPhaseSchema = z.enum(['new', 'learning', 'review', 'relearning']);
export type CardPhase = z.infer<typeof CardPhaseSchema>;

const epochMs = z.number().int().nonnegative();
const count = z.number().int().nonnegative();

/**
 * One member's memory of one question: what ts-fsrs's `Card` holds, with times as epoch
 * milliseconds so the store can index `due` as an integer.
 */
export const CardStateSchema = z.object({
  due: epochMs,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  phase: CardPhaseSchema,
  lastReview: epochMs.nullable(),
});
export type CardState = z.infer<typeof CardStateSchema>;

/** True when the card is due at `now` (epoch ms): the one rule for "due". */
export const isDue = (state: Pick<CardState, 'due'>, now: number): boolean => state.due <= now;
