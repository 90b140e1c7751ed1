import { type Bank, isDue } from '@quizdeck/core';
import type { ReviewContext } from './member-review';

/** The sessions of a channel whose members a group review round is for. */
export const RECENT_SESSIONS = 5;
/** A group review round's length when `/quiz start mode:review` gives no count. */
export const GROUP_REVIEW_COUNT = 10;

/**
 * The questions of a group review round in a channel: of the bank's questions, those due for the
 * most members of the channel's recent sessions, then the most missed (lapses), then the longest
 * overdue. Questions nobody has a card for are left out.
 */
export async function planGroupReview(
  ctx: ReviewContext,
  where: { guildId: string; channelId: string },
  bank: Bank,
  count: number | null,
): Promise<string[]> {
  const members = await ctx.reviews.recentMembers(where.channelId, RECENT_SESSIONS);
  if (members.length === 0) return [];
  const now = ctx.clock();
  const inBank = new Set(bank.questions.map((q) => q.id));
  const byQuestion = new Map<string, { due: number; lapses: number; earliest: number }>();
  for (const card of await ctx.reviews.membersCards(where.guildId, bank.id, members)) {
    if (!inBank.has(card.questionId)) continue;
    const q = byQuestion.get(card.questionId) ?? { due: 0, lapses: 0, earliest: Infinity };
    if (isDue(card.state, now)) q.due++;
    q.lapses += card.state.lapses;
    q.earliest = Math.min(q.earliest, card.state.due);
    byQuestion.set(card.questionId, q);
  }
  return [...byQuestion]
    .sort(
      ([a, x], [b, y]) =>
        y.due - x.due || y.lapses - x.lapses || x.earliest - y.earliest || (a < b ? -1 : 1),
    )
    .slice(0, count ?? GROUP_REVIEW_COUNT)
    .map(([id]) => id);
}
