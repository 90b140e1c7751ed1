import type { ReviewRating, ReviewTally } from '@quizdeck/core';
import {
  guildDueCards,
  memberCards,
  membersCards,
  readCard,
  recentMembers,
  reviewTallies,
} from './review-cards-sql';
import { claimDigestDay, readDigest, readDigests, saveDigest } from './review-digests-sql';
import { answerPromptIn, insertPrompt, readPrompt } from './review-prompts-sql';
import type {
  CardKey,
  CardRow,
  MemberCardsQuery,
  PromptAnswer,
  ReviewDigestRow,
  ReviewPromptRow,
} from './review-rows';
import { ReviewConflictError } from './review-writes-sql';
import type { SqlDriver } from './sql';

/**
 * Spaced review's part of the store: members' cards, the review log, `/review` prompts and the
 * daily line, on either backend (see review-sql.ts). A live quiz's reviews are written by the
 * store's `gradeRound`, in the grade's transaction.
 */
export class ReviewStore {
  constructor(private readonly driver: SqlDriver) {}

  card(key: CardKey) {
    return readCard(this.driver, key);
  }

  createPrompt(p: CardKey & { bankFilter: string | null; shownAt: number }) {
    return insertPrompt(this.driver, p);
  }

  prompt(id: number): Promise<ReviewPromptRow | undefined> {
    return readPrompt(this.driver, id);
  }

  /** Grades a prompt once (see answerPromptIn); a card reviewed meanwhile makes it stale. */
  async answerPrompt(
    id: number,
    answer: { rating: ReviewRating; picks: string },
    now: number,
  ): Promise<PromptAnswer> {
    const take = () => this.driver.transaction((tx) => answerPromptIn(tx, id, answer, now));
    try {
      return await take();
    } catch (err) {
      // The card moved under this answer: once more, from what is committed now (this prompt
      // answered by a racing click, or the card reviewed elsewhere: stale).
      if (err instanceof ReviewConflictError) return take();
      throw err;
    }
  }

  memberCards(q: MemberCardsQuery): Promise<CardRow[]> {
    return memberCards(this.driver, q);
  }

  tallies(guildId: string, userId: string, bankId: string | null): Promise<ReviewTally[]> {
    return reviewTallies(this.driver, guildId, userId, bankId);
  }

  guildDueCards(guildId: string, dueBy: number) {
    return guildDueCards(this.driver, guildId, dueBy);
  }

  membersCards(guildId: string, bankId: string, userIds: readonly string[]) {
    return membersCards(this.driver, guildId, bankId, userIds);
  }

  recentMembers(channelId: string, sessions: number) {
    return recentMembers(this.driver, channelId, sessions);
  }

  digests(): Promise<ReviewDigestRow[]> {
    return readDigests(this.driver);
  }

  digest(guildId: string) {
    return readDigest(this.driver, guildId);
  }

  saveDigest(guildId: string, digest: { channelId: string; hourUtc: number } | null) {
    return saveDigest(this.driver, guildId, digest);
  }

  claimDigestDay(guildId: string, day: number) {
    return claimDigestDay(this.driver, guildId, day);
  }
}
