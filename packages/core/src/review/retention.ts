import type { CardPhase } from './card-state';
import type { ReviewRating } from './review-rating';

/** A count of reviews with one rating from one phase, as a store groups its log. */
export interface ReviewTally {
  readonly rating: ReviewRating;
  readonly phaseBefore: CardPhase;
  readonly count: number;
}

/**
 * Measured retention: of the reviews that tested memory (the card had been reviewed before), the
 * share that was not a miss. A question's first review tests what the member knew, not what they
 * kept, so it does not count. `undefined` until there is one such review.
 */
export function retention(tallies: readonly ReviewTally[]): number | undefined {
  let tested = 0;
  let recalled = 0;
  for (const t of tallies) {
    if (t.phaseBefore === 'new') continue;
    tested += t.count;
    if (t.rating !== 'again') recalled += t.count;
  }
  return tested === 0 ? undefined : recalled / tested;
}
