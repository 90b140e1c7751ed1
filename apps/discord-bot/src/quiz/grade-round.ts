import { grade } from '@quizdeck/core';
import type { RoundRow, SessionRow } from '../db/rows';
import type { GradedAnswer, Store } from '../db/store';
import type { DiscordIo } from '../discord/discord-io';
import type { Logger } from '../log';
import { letterEmoji } from './letters';
import { ReactionTracker } from './reaction-tracker';
import { isUnknownMessage } from './round-skip';
import type { RoundView } from './round-view';

interface GradeDeps {
  store: Store;
  io: DiscordIo;
  tracker: ReactionTracker;
  log: Logger;
  clock: () => number;
}

/**
 * Members' final letters on a closed round: from the gateway events the tracker kept when it can
 * vouch for them, else from Discord's reaction lists over REST (paged). Undefined when the
 * question's message is gone (a moderator deleted it).
 */
export async function closingPicks(
  { io, tracker, log }: GradeDeps,
  session: SessionRow,
  round: RoundRow,
  view: RoundView,
  messageId: string,
): Promise<{ picks: Map<string, string[]>; from: 'gateway events' | 'REST' } | undefined> {
  const vouched = tracker.isVouched(messageId);
  const picks = tracker.close(messageId);
  if (vouched) return { picks, from: 'gateway events' };
  log.debug(`round ${round.id}: reconciling reactions over REST`);
  const byLetter = new Map<string, string[]>();
  for (const letter of view.letters) {
    const users = await io
      .reactionUsers(session.channelId, messageId, letterEmoji(letter))
      .catch((err: unknown) => {
        if (isUnknownMessage(err)) return undefined;
        throw err;
      });
    if (!users) return undefined;
    byLetter.set(
      letter,
      users.filter((u) => !u.bot && u.id !== io.selfId).map((u) => u.id),
    );
  }
  return { picks: ReactionTracker.fromLetterUsers(byLetter), from: 'REST' };
}

/** Grades the picks and stores them in one transaction (once per round), with its log line. */
export async function gradeAndStore(
  { store, log, clock }: GradeDeps,
  session: SessionRow,
  round: RoundRow,
  view: RoundView,
  closing: { picks: Map<string, string[]>; from: string },
): Promise<void> {
  const answers: GradedAnswer[] = [...closing.picks].map(([userId, selected]) => {
    const result = grade(view.question, selected, session.scoring);
    return { userId, selected, verdict: result.verdict, score: result.score };
  });
  if (await store.gradeRound(round.id, answers, clock())) {
    const right = answers.filter((a) => a.verdict === 'correct').length;
    log.info(
      `quiz ${session.id}: question ${round.idx + 1}/${session.questionIds.length} (${round.questionId}) closed; graded ${answers.length} answers, ${right} right, from ${closing.from}`,
    );
  }
}
