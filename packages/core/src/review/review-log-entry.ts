import { z } from 'zod';
import { CardPhaseSchema } from './card-state';
import { ReviewRatingSchema } from './review-rating';

/** One review as the log keeps it: when, how it went, and the card as it stood before. */
export const ReviewLogEntrySchema = z.object({
  reviewedAt: z.number().int().nonnegative(),
  rating: ReviewRatingSchema,
  /** The card's phase before this review (`new` for a question's first review). */
  phaseBefore: CardPhaseSchema,
  /** Whole days since the previous review (0 for the first). */
  elapsedDays: z.number().int().nonnegative(),
  /** Days until the card is due again after this review. */
  scheduledDays: z.number().int().nonnegative(),
  /** Memory state after this review. */
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  /** When the card is due after this review. */
  due: z.number().int().nonnegative(),
});
export type ReviewLogEntry = z.infer<typeof ReviewLogEntrySchema>;
