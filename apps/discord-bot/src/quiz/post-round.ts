import type { Bank } from '@quizdeck/core';
import type { Message } from 'discord.js';
import type { RoundRow, SessionRow } from '../db/rows';
import type { Store } from '../db/store';
import type { DiscordIo } from '../discord/discord-io';
import { type PostedImages, withImages } from '../discord/question-images';
import { passageMessages, questionMessages } from '../discord/quiz-messages';
import type { Logger } from '../log';
import { letterEmoji } from './letters';
import { roundNonce } from './post-nonce';
import type { ReactionTracker } from './reaction-tracker';
import { isUnknownMessage, skipRound } from './round-skip';
import { contextsShownBefore, type RoundView } from './round-view';

export interface PostDeps {
  store: Store;
  tracker: ReactionTracker;
  io: DiscordIo;
  timeScale: number;
  log: Logger;
}

/** A round in state `posting` and what its quiz says about it. */
export interface RoundToPost {
  bank: Bank;
  session: SessionRow;
  round: RoundRow;
  view: RoundView;
  /** This process created the round: it was listening before the post was made. */
  createdHere: boolean;
  /** The bank's images the question shows, as attachments. */
  images: PostedImages;
  /** A skip or a stop: put up no more letters. */
  interrupted(): boolean;
  /** Leave the round unopened (a halt or a lost shard, not a member's stop). */
  abandoned(): boolean;
}

/**
 * Posts a round's question (passages not shown before, the question, its letters), then opens it:
 * the close time is stored and shown on the question. A post that Discord already has (same
 * nonce) is not made twice; a message deleted while its letters go up skips the round.
 */
export async function postRound(deps: PostDeps, p: RoundToPost): Promise<void> {
  const { io, store, tracker } = deps;
  const { bank, session, round, view } = p;
  const header = {
    number: round.idx + 1,
    total: session.questionIds.length,
    bankId: bank.id,
    questionId: round.questionId,
  };
  let messageId = round.messageId;
  if (messageId === null) {
    const shown = contextsShownBefore(bank, session, round.idx);
    const passages = passageMessages({
      ...view.rendered,
      contexts: view.rendered.contexts.filter((c) => !shown.has(c.id)),
    });
    const payloads = withImages(questionMessages(view.rendered, header), p.images);
    const sent = await io.send(
      session.channelId,
      [...passages, ...payloads],
      roundNonce(round, 'q'),
    );
    messageId = (sent[sent.length - 1] as Message).id;
    await store.setRoundMessage(round.id, messageId);
    // A round an earlier process created may have had its post made by Discord already (the
    // nonce gave it back): members may have reacted while no bot was listening.
    tracker.track(messageId, view.letters, p.createdHere);
  } else {
    // Posted by a process that stopped before opening the round: events may have been missed.
    tracker.track(messageId, view.letters, false);
  }
  for (const letter of view.letters) {
    if (p.interrupted()) break;
    try {
      await io.react(session.channelId, messageId, letterEmoji(letter));
    } catch (err) {
      if (!isUnknownMessage(err)) throw err;
      return skipRound(deps, session, round, 'was deleted before it closed; skipping it', 'd');
    }
  }
  if (p.abandoned()) return;
  const opensAt = Date.now();
  const closesAt = opensAt + Math.round(session.seconds * 1000 * deps.timeScale);
  await store.openRound(round.id, opensAt, closesAt);
  const images = { ...p.images, files: [] };
  const last = withImages(questionMessages(view.rendered, { ...header, closesAt }), images).at(-1);
  if (last?.embeds) {
    await io.edit(session.channelId, messageId, last).catch((err: unknown) => {
      deps.log.error(`round ${round.id}: could not show the close time`, err);
    });
  }
}
