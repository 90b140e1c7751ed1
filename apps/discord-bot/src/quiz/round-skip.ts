import { type Bank, QuizdeckError, unrenderableReason } from '@quizdeck/core';
import { DiscordAPIError } from 'discord.js';
import type { RoundRow, SessionRow } from '../db/rows';
import type { Store } from '../db/store';
import { bankLine } from '../discord/bank-text';
import type { DiscordIo } from '../discord/discord-io';
import type { Logger } from '../log';
import { roundNonce } from './post-nonce';
import type { ReactionTracker } from './reaction-tracker';

/**
 * Drops a round that cannot go on (its question cannot be shown, or a moderator deleted it) and
 * tells the channel why: "Question 2 of 5 <why>." The quiz goes on with the next question. The
 * notice carries the round's nonce, so a retried step does not post it twice.
 */
export async function skipRound(
  deps: { store: Store; io: DiscordIo; log: Logger; tracker: ReactionTracker },
  session: SessionRow,
  round: RoundRow,
  why: string,
  kind: 's' | 'd',
): Promise<void> {
  const { store, io, log, tracker } = deps;
  const text = `Question ${round.idx + 1} of ${session.questionIds.length} ${why}.`;
  log.info(`quiz ${session.id}: round ${round.id} (${round.questionId}): ${text}`);
  await io.send(session.channelId, [{ content: text }], roundNonce(round, kind));
  if (!(await store.skipRound(round.id)) && round.state === 'graded')
    await store.markRevealed(round.id);
  if (round.messageId) tracker.forget(round.messageId);
}

/** Why core's renderer cannot show a question in Discord, or undefined when it can. */
export function unshowable(bank: Bank, questionId: string): string | undefined {
  const question = bank.questions.find((q) => q.id === questionId);
  const why = question && unrenderableReason(bank, question, 'discord');
  return why ? `it cannot be shown (${bankLine(why)})` : undefined;
}

/** Why a question cannot be shown, for the channel (no stack; bank text neutralised). */
export function unshowableReason(err: unknown): string {
  if (err instanceof QuizdeckError) return `it cannot be shown (${bankLine(err.message)})`;
  if (err instanceof RangeError) return 'its text is nested too deeply to show';
  return 'its text cannot be shown';
}

/** Discord's 10008 Unknown Message: the message was deleted. */
export function isUnknownMessage(err: unknown): boolean {
  return err instanceof DiscordAPIError && Number(err.code) === 10008;
}
