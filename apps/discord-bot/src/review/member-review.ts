import {
  type Bank,
  type CardState,
  grade,
  isDue,
  retention,
  type ScoringPolicy,
  unrenderableReason,
  verdictRating,
} from '@quizdeck/core';
import type { CardRow, ReviewPromptRow } from '../db/review-rows';
import type { ReviewStore } from '../db/review-store';
import { questionView, type RoundView } from '../quiz/round-view';
import { cardQuestion, type LoadedBanks } from './bank-questions';
import { fitsButtons } from './review-buttons';
import type { ReviewStatus } from './review-messages';

export interface ReviewContext {
  reviews: ReviewStore;
  catalog: LoadedBanks;
  /** The bot's clock (epoch ms); tests move it. */
  clock: () => number;
  /** How a guild scores several picks (its `/quiz config` default). */
  scoring(guildId: string): Promise<ScoringPolicy>;
}

export interface Member {
  guildId: string;
  userId: string;
}

const PAGE = 200;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A member's cards in due order, only those whose question its bank still has (a question that
 * left the bank is not offered; its card stays, should it come back).
 */
async function* liveCards(ctx: ReviewContext, member: Member, bankId: string | null) {
  let after: CardRow | undefined;
  for (;;) {
    const page = await ctx.reviews.memberCards({
      ...member,
      bankId,
      dueBy: null,
      limit: PAGE,
      ...(after ? { after } : {}),
    });
    for (const card of page) {
      const found = cardQuestion(ctx.catalog, card);
      if (found) yield { card, ...found };
    }
    if (page.length < PAGE) return;
    after = page.at(-1);
  }
}

export type Offer =
  | { kind: 'question'; prompt: ReviewPromptRow; bank: Bank; view: RoundView; card: CardState }
  | { kind: 'none'; nextDue: number | undefined; anyCards: boolean };

/**
 * The member's most overdue question that can be shown, as a new prompt; or, when none is due,
 * when the next one will be.
 */
export async function offerNext(
  ctx: ReviewContext,
  member: Member,
  bankFilter: string | null,
): Promise<Offer> {
  const now = ctx.clock();
  let anyCards = false;
  for await (const { card, bank, question } of liveCards(ctx, member, bankFilter)) {
    anyCards = true;
    if (!fitsButtons(question) || unrenderableReason(bank, question, 'discord')) continue;
    if (!isDue(card.state, now)) return { kind: 'none', nextDue: card.state.due, anyCards };
    const prompt = await ctx.reviews.createPrompt({
      ...card,
      bankFilter,
      shownAt: now,
    });
    return { kind: 'question', prompt, bank, view: questionView(bank, question), card: card.state };
  }
  return { kind: 'none', nextDue: undefined, anyCards };
}

export type AnswerOutcome =
  | {
      kind: 'graded';
      bank: Bank;
      view: RoundView;
      picks: string;
      result: ReturnType<typeof grade>;
      due: number | undefined;
    }
  | { kind: 'notice'; text: string; next: boolean };

/**
 * A member's answer to a prompt (the letters of a button, or the toggled picks of Submit): graded
 * as a live quiz grades it, reviewed once. A second click, or a click replayed after a restart,
 * shows the first answer's result again and changes nothing.
 */
export async function answerPrompt(
  ctx: ReviewContext,
  promptId: number,
  userId: string,
  picks: string,
): Promise<AnswerOutcome> {
  const prompt = await ctx.reviews.prompt(promptId);
  if (!prompt) return { kind: 'notice', text: 'This review is no longer known.', next: false };
  if (prompt.userId !== userId) {
    return { kind: 'notice', text: 'This review is someone else’s.', next: false };
  }
  const found = cardQuestion(ctx.catalog, prompt);
  if (!found) {
    return {
      kind: 'notice',
      text: 'This question is no longer in its bank; nothing was graded.',
      next: true,
    };
  }
  const view = questionView(found.bank, found.question);
  const scoring = await ctx.scoring(prompt.guildId);
  const gradeOf = (letters: string) => grade(view.question, [...letters], scoring);
  const letters = new Set(view.letters);
  if ([...picks].some((l) => !letters.has(l))) {
    return { kind: 'notice', text: 'That letter is not an option of this question.', next: false };
  }
  const result = gradeOf(picks);
  const rating = verdictRating(result.verdict);
  if (rating === undefined) {
    return { kind: 'notice', text: 'Pick at least one letter, then Submit.', next: false };
  }
  const answer = await ctx.reviews.answerPrompt(promptId, { rating, picks }, ctx.clock());
  switch (answer.kind) {
    case 'reviewed':
      return { kind: 'graded', bank: found.bank, view, picks, result, due: answer.after.due };
    case 'already-answered':
      return {
        kind: 'graded',
        bank: found.bank,
        view,
        picks: answer.picks,
        result: gradeOf(answer.picks),
        due: answer.due,
      };
    case 'stale':
      return {
        kind: 'notice',
        text: 'This question was reviewed since it was shown here (in a quiz, or another `/review`); nothing was graded.',
        next: true,
      };
    case 'unknown':
      return { kind: 'notice', text: 'This review is no longer known.', next: false };
  }
}

/** `/review status` figures, over the questions the banks still have. */
export async function memberStatus(
  ctx: ReviewContext,
  member: Member,
  bankFilter: string | null,
): Promise<Omit<ReviewStatus, 'bankTitle'>> {
  const now = ctx.clock();
  let dueNow = 0;
  let dueThisWeek = 0;
  let cards = 0;
  let nextDue: number | undefined;
  for await (const { card } of liveCards(ctx, member, bankFilter)) {
    cards++;
    if (isDue(card.state, now)) dueNow++;
    else nextDue ??= card.state.due;
    if (isDue(card.state, now + WEEK_MS)) dueThisWeek++;
  }
  const tallies = await ctx.reviews.tallies(member.guildId, member.userId, bankFilter);
  return {
    dueNow,
    dueThisWeek,
    cards,
    reviews: tallies.reduce((n, t) => n + t.count, 0),
    retention: retention(tallies),
    nextDue,
  };
}
