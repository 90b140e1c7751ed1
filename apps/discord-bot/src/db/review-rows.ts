import type { CardState, ReviewRating } from '@quizdeck/core';

/** Which member's card for which question: the key of every review. */
export interface CardKey {
  guildId: string;
  userId: string;
  bankId: string;
  /** The question's stable id: its text may change, its schedule stays. */
  questionId: string;
}

/** A member's card and where it stands. */
export interface CardRow extends CardKey {
  state: CardState;
}

/** A page of a member's cards in due order (ReviewStore.memberCards). */
export interface MemberCardsQuery {
  guildId: string;
  userId: string;
  /** Only this bank's cards (`null`: every bank). */
  bankId: string | null;
  /** Only cards due by then (`null`: however far ahead). */
  dueBy: number | null;
  limit: number;
  /** The last card of the previous page. */
  after?: CardRow;
}

/**
 * A question shown to a member by `/review`, waiting for (or given) an answer. Its id is what the
 * buttons carry, so an answer finds its question after a restart, and is taken once.
 */
export interface ReviewPromptRow extends CardKey {
  id: number;
  /** The bank the member limited the review to (`/review next bank:`), for the Next button. */
  bankFilter: string | null;
  shownAt: number;
  answeredAt: number | null;
  /** The letters answered (sorted), once answered. */
  picks: string | null;
}

/** What answering a prompt did. */
export type PromptAnswer =
  | { kind: 'reviewed'; before: CardState | undefined; after: CardState; rating: ReviewRating }
  /**
   * Answered before (a double click, a click replayed after a restart): nothing changed; what
   * that answer did, to show again.
   */
  | { kind: 'already-answered'; picks: string; due: number | undefined }
  /** The card was reviewed since the prompt was shown (another prompt, a live quiz). */
  | { kind: 'stale' }
  | { kind: 'unknown' };

/** A guild's daily line of what is due, when a quizmaster turned it on. */
export interface ReviewDigestRow {
  guildId: string;
  channelId: string;
  /** Hour of the day (UTC) the line goes out. */
  hourUtc: number;
  /** The UTC day (epoch ms of its midnight) of the last line posted, so a day gets one line. */
  lastPostedDay: number | null;
}
