import { randomUUID } from 'node:crypto';
import type { Bank } from '@quizdeck/core';
import type { RoundRow, SessionRow } from '../db/rows';
import type { Store } from '../db/store';
import type { DiscordIo } from '../discord/discord-io';
import { questionImages, withImages } from '../discord/question-images';
import { revealMessages } from '../discord/quiz-messages';
import { LeaseLostError } from '../errors';
import type { Logger } from '../log';
import { abandonQuiz } from './abandon-quiz';
import { postFinalBoard } from './final-board';
import { closingPicks, gradeAndStore } from './grade-round';
import { roundNonce } from './post-nonce';
import { postRound } from './post-round';
import type { ReactionTracker } from './reaction-tracker';
import { skipRound, unshowable, unshowableReason } from './round-skip';
import { type RoundView, roundView } from './round-view';
import { sleep } from './sleep';
import { StepRetry } from './step-retry';

/** How long a close waits for a dropped gateway to resume before asking REST instead. */
const GATEWAY_GRACE_MS = 5_000;

export interface QuizDeps {
  store: Store;
  tracker: ReactionTracker;
  io: DiscordIo;
  timeScale: number;
  revealPauseMs: number;
  log: Logger;
  /**
   * The time stamped into the store (a grade and the reviews it writes, a session's end); tests
   * move it. Round timing (opening, closing, pauses) runs on real time.
   */
  clock: () => number;
  /** Where a bank was read from (its images are found next to it). */
  catalog: { fileOf(bank: Bank): string | undefined };
}

/**
 * One channel's running quiz, driven from the database so that a new process picks up where a
 * crashed one stopped: every step reads the round's stored state and moves it one step on.
 */
export class ChannelQuiz {
  private readonly stopSignal = new AbortController();
  /** Aborted by `halt` only (a stop still posts its leaderboard). */
  private readonly haltSignal = new AbortController();
  /** Graceful shutdown: finish the step under way, start no other. */
  private readonly drainSignal = new AbortController();
  private skipSignal = new AbortController();
  private closeSignal = new AbortController();
  private stopping: 'stopped' | undefined;
  /** Rounds this process created: it was listening before their posts were made. */
  private readonly roundsCreated = new Set<number>();
  done: Promise<void> = Promise.resolve();

  /** `bank`: the version the quiz started with (undefined: no longer loaded). */
  constructor(
    private readonly deps: QuizDeps,
    readonly sessionId: number,
    private readonly bank: Bank | undefined,
  ) {}

  start(after?: Promise<unknown>): void {
    this.done = after ? after.then(noop, noop).then(() => this.run()) : this.run();
  }

  stop(): void {
    this.stopping = 'stopped';
    this.stopSignal.abort();
  }

  skip(): void {
    this.skipSignal.abort();
  }

  /**
   * Closes the open round now (or the next one as soon as it opens) and grades it as its timer
   * would. Tests close a round once the bot has seen the reactions they made, instead of racing
   * a short timer that a loaded machine can miss.
   */
  closeNow(): void {
    this.closeSignal.abort();
  }

  /**
   * Graceful shutdown: the step under way finishes (a question being posted gets all its letters
   * and its close time, a reveal goes out), then the quiz waits in the database for the next
   * start: an open round is re-armed there, or graded if its close has passed.
   */
  drain(): void {
    this.drainSignal.abort();
  }

  /** Ends this process's part at once without touching the database (simulated crash). */
  halt(): void {
    this.haltSignal.abort();
    this.stopSignal.abort();
  }

  private async run(): Promise<void> {
    const retry = new StepRetry(this.deps.log, `quiz ${this.sessionId}: step`);
    while (!this.stopSignal.signal.aborted && !this.drainSignal.signal.aborted) {
      try {
        const more = await this.step();
        if (!more) return;
        retry.succeeded();
      } catch (err) {
        if (err instanceof LeaseLostError) {
          // Not ours any more: the shard's new owner resumes the quiz from the database.
          this.deps.log.info(`quiz ${this.sessionId}: stopped here (${err.message})`);
          return;
        }
        const pause = retry.failed(err);
        if (pause === undefined) {
          await abandonQuiz(this.deps, this.sessionId, err);
          return;
        }
        await sleep(pause, anySignal(this.stopSignal, this.drainSignal));
      }
    }
    if (this.stopping) await this.finish('stopped');
  }

  /** Moves the quiz one step; false when the session is over. */
  private async step(): Promise<boolean> {
    const { store } = this.deps;
    const session = await store.session(this.sessionId);
    if (session?.state !== 'running') return false;
    const bank = this.bank;
    if (!bank) {
      await this.deps.io.send(session.channelId, [
        { content: `Bank \`${session.bankId}\` is no longer loaded; quiz stopped.` },
      ]);
      await store.endSession(session.id, 'stopped', this.deps.clock());
      return false;
    }
    let round = await store.latestRound(session.id);
    if (!round || round.state === 'revealed' || round.state === 'skipped') {
      const idx = round ? round.idx + 1 : 0;
      const waiting = anySignal(this.stopSignal, this.drainSignal);
      if (round) await sleep(this.deps.revealPauseMs, waiting);
      if (waiting.aborted) return true;
      const questionId = session.questionIds[idx];
      if (questionId === undefined) {
        await this.finish('finished');
        return false;
      }
      const question = bank.questions.find((q) => q.id === questionId);
      round = await store.createRound({
        sessionId: session.id,
        idx,
        channelId: session.channelId,
        questionId,
        seed: randomUUID(),
        tags: question?.tags ?? [],
      });
      this.roundsCreated.add(round.id);
    }
    // A question the renderer cannot render (hostile or broken text): tell the channel, go on.
    const why = unshowable(bank, round.questionId);
    if (why) {
      await skipRound(this.deps, session, round, `skipped: ${why}`, 's');
      return true;
    }
    let view: RoundView | undefined;
    try {
      view = roundView(bank, session, round);
    } catch (err) {
      // Whatever the renderer's own check missed still skips only this question.
      await skipRound(this.deps, session, round, `skipped: ${unshowableReason(err)}`, 's');
      return true;
    }
    if (!view) {
      await store.skipRound(round.id);
      return true;
    }
    if (round.state === 'posting') {
      await postRound(this.deps, {
        bank,
        session,
        round,
        view,
        createdHere: this.roundsCreated.has(round.id),
        images: this.images(view, 'question'),
        interrupted: () => this.skipSignal.signal.aborted || this.stopSignal.signal.aborted,
        abandoned: () => this.stopSignal.signal.aborted && !this.stopping,
      });
    } else if (round.state === 'open') await this.closeAndGrade(session, round, view);
    else if (round.state === 'graded') await this.reveal(bank, session, round, view);
    return true;
  }

  private async closeAndGrade(session: SessionRow, round: RoundRow, view: RoundView) {
    const { io, store, tracker } = this.deps;
    const messageId = round.messageId as string;
    // A round this process did not open: its reactions so far are unknown to us.
    if (!tracker.isTracked(messageId)) tracker.track(messageId, view.letters, false);
    await sleep(
      (round.closesAt ?? 0) - Date.now(),
      anySignal(this.stopSignal, this.skipSignal, this.closeSignal, this.drainSignal),
    );
    if (this.drainSignal.signal.aborted && !this.stopSignal.signal.aborted) return;
    if (this.stopSignal.signal.aborted || this.skipSignal.signal.aborted) {
      if (this.skipSignal.signal.aborted && !this.stopSignal.signal.aborted) {
        this.skipSignal = new AbortController();
        if (await store.skipRound(round.id)) {
          tracker.forget(messageId);
          await io.send(session.channelId, [{ content: 'Question skipped.' }]);
        }
      }
      return;
    }
    if (this.closeSignal.signal.aborted) this.closeSignal = new AbortController();
    if (!(await io.gatewayReady(GATEWAY_GRACE_MS))) tracker.distrust(messageId);
    const closing = await closingPicks(this.deps, session, round, view, messageId);
    if (!closing) {
      return skipRound(this.deps, session, round, 'was deleted before it closed; skipping it', 'd');
    }
    await gradeAndStore(this.deps, session, round, view, closing);
    tracker.forget(messageId);
  }

  /** The bank's images the question (or its reveal) shows, as attachments. */
  private images(view: RoundView, part: 'question' | 'reveal') {
    if (!this.bank) return { files: [], embeds: [], notes: [] };
    return questionImages(this.bank, view.question, this.deps.catalog.fileOf(this.bank), part);
  }

  private async reveal(bank: Bank, session: SessionRow, round: RoundRow, view: RoundView) {
    const answers = await this.deps.store.answers(round.id);
    const footer = `${bank.id} · ${round.questionId} · ${session.scoring} scoring`;
    await this.deps.io.send(
      session.channelId,
      withImages(
        revealMessages(view.rendered, answers, footer, view.toOriginal),
        this.images(view, 'reveal'),
      ),
      roundNonce(round, 'r'),
    );
    await this.deps.store.markRevealed(round.id);
  }

  private async finish(state: 'finished' | 'stopped') {
    const { store } = this.deps;
    const session = await store.session(this.sessionId);
    if (!session) return;
    if (state === 'stopped') {
      const round = await store.latestRound(session.id);
      if (round) {
        await store.skipRound(round.id);
        if (round.messageId) this.deps.tracker.forget(round.messageId);
      }
    }
    await store.endSession(session.id, state, this.deps.clock(), true);
    this.deps.log.info(`quiz ${session.id}: ${state}`);
    const ended = await store.session(session.id);
    if (ended?.state === state) {
      await postFinalBoard(this.deps, ended, anySignal(this.haltSignal, this.drainSignal));
    }
  }
}

function anySignal(...controllers: AbortController[]): AbortSignal {
  return AbortSignal.any(controllers.map((c) => c.signal));
}

const noop = () => {};
