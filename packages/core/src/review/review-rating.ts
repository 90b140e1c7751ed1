import { z } from 'zod';
import type { Verdict } from '../grading/grade-result';

/**
 * The ratings a quizdeck review can carry. A graded answer never says "easy", so FSRS's fourth
 * rating is never given.
 */
export const ReviewRatingSchema = z.enum(['again', 'hard', 'good']);
export type ReviewRating = z.infer<typeof ReviewRatingSchema>;

const RATING_OF: Record<Verdict, ReviewRating | undefined> = {
  correct: 'good',
  partial: 'hard',
  wrong: 'again',
  unanswered: undefined,
};

/** What a graded answer tells the scheduler; `undefined` (unanswered) is no review at all. */
export const verdictRating = (verdict: Verdict): ReviewRating | undefined => RATING_OF[verdict];
