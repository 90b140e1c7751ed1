import type { Bank } from '@quizdeck/core';
import type { SessionRow } from '../db/rows';
import type { Store } from '../db/store';
import type { DiscordIo } from '../discord/discord-io';
import type { Logger } from '../log';
import { ChannelQuiz, type QuizDeps } from './channel-quiz';
import { postFinalBoard } from './final-board';
import { emojiLetter } from './letters';
import { ReactionTracker } from './reaction-tracker';

/**
 * How a process runs the quizzes of guilds on the shards whose leases it holds (PostgreSQL, see
 * ShardLeases); without it, as one process on SQLite, every write and post is its own to make.
 */
export interface Ownership {
  /** The store whose quiz writes commit only while the guild's lease holds (Store.fenced). */
  storeFor(guildId: string): Store;
  /** Throws LeaseLostError once this process may no longer act for the guild. */
  guardFor(guildId: string): () => void;
}

export interface EngineOptions {
  store: Store;
  io: DiscordIo;
  ownership?: Ownership;
  /** The banks as loaded now; a quiz keeps the version it started with. */
  catalog: { readonly banks: ReadonlyMap<string, Bank>; fileOf(bank: Bank): string | undefined };
  timeScale: number;
  revealPauseMs: number;
  log: Logger;
  /** The time stamped into the store (grades, reviews, sessions' end); tests move it. */
  clock: () => number;
}

/** Every channel's running quiz in this process, and the reaction events they grade from. */
export class QuizEngine {
  readonly tracker = new ReactionTracker();
  private readonly quizzes = new Map<string, ChannelQuiz>();
  /** Leaderboards owed by sessions an earlier process ended, being posted. */
  private readonly boards = new Set<Promise<void>>();
  private readonly deps: QuizDeps & Pick<EngineOptions, 'catalog'>;
  private readonly ownership: Ownership | undefined;

  constructor({ ownership, ...options }: EngineOptions) {
    this.deps = { ...options, tracker: this.tracker };
    this.ownership = ownership;
  }

  get store(): Store {
    return this.deps.store;
  }

  /** The store a guild's quiz writes through (fenced by its shard's lease when there are leases). */
  storeFor(guildId: string): Store {
    return this.ownership?.storeFor(guildId) ?? this.deps.store;
  }

  /** What a guild's quiz runs with: its fenced store, and Discord io behind its lease. */
  private depsFor(guildId: string): QuizDeps & Pick<EngineOptions, 'catalog'> {
    if (!this.ownership) return this.deps;
    const { io } = this.deps;
    return {
      ...this.deps,
      store: this.ownership.storeFor(guildId),
      io: io.guarded(this.ownership.guardFor(guildId)),
    };
  }

  /**
   * Runs a session that was just created in the database. The quiz is the channel's at once (so
   * `/quiz stop` finds it) but posts nothing before `after` settles (the start announcement).
   */
  run(session: SessionRow, bank: Bank, after?: Promise<unknown>): ChannelQuiz {
    this.deps.log.info(
      `quiz ${session.id} started in channel ${session.channelId} (guild ${session.guildId}): bank ${session.bankId}, ${session.questionIds.length} questions, ${session.seconds} s, ${session.scoring} scoring`,
    );
    return this.drive(session, bank, after);
  }

  private drive(session: SessionRow, bank: Bank | undefined, after?: Promise<unknown>) {
    // A session that resumeAll found running while its start command was still on its way here.
    const driving = this.quizzes.get(session.channelId);
    if (driving?.sessionId === session.id) return driving;
    const quiz = new ChannelQuiz(this.depsFor(session.guildId), session.id, bank);
    this.quizzes.set(session.channelId, quiz);
    quiz.start(after);
    void quiz.done.finally(() => {
      if (this.quizzes.get(session.channelId) === quiz) this.quizzes.delete(session.channelId);
    });
    return quiz;
  }

  /**
   * After (re)connecting: every session the database says is running in a guild `holds` accepts
   * (those on this process's shards) and this process is not driving is resumed; rounds past
   * their close are graded (once), open ones re-armed.
   */
  async resumeAll(holds: (guildId: string) => boolean): Promise<void> {
    for (const session of await this.deps.store.sessionsOwingBoard()) {
      if (!holds(session.guildId)) continue;
      if (this.quizzes.get(session.channelId)?.sessionId === session.id) continue;
      this.deps.log.info(`quiz ${session.id}: posting the leaderboard it still owes`);
      const posting = postFinalBoard(this.depsFor(session.guildId), session);
      this.boards.add(posting);
      void posting.finally(() => this.boards.delete(posting));
    }
    for (const session of await this.deps.store.runningSessions()) {
      if (holds(session.guildId) && !this.quizzes.has(session.channelId)) {
        this.deps.log.info(`quiz ${session.id}: resuming in channel ${session.channelId}`);
        this.drive(session, this.deps.catalog.banks.get(session.bankId));
      }
    }
  }

  /** Closes the channel's open round now (see `ChannelQuiz.closeNow`); false without a quiz. */
  closeNow(channelId: string): boolean {
    const quiz = this.quizzes.get(channelId);
    quiz?.closeNow();
    return quiz !== undefined;
  }

  quizIn(channelId: string): ChannelQuiz | undefined {
    return this.quizzes.get(channelId);
  }

  /** Waits for every running quiz to end (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.quizzes.size > 0 || this.boards.size > 0) {
      await Promise.all([...this.quizzes.values()].map((q) => q.done));
      await Promise.all([...this.boards]);
    }
  }

  /**
   * Graceful shutdown: every quiz finishes the step under way (see `ChannelQuiz.drain`), then
   * stops; the database holds where each one is, for the next start.
   */
  async drain(): Promise<void> {
    const running = [...this.quizzes.values()];
    for (const q of running) q.drain();
    await Promise.all([...running.map((q) => q.done), ...this.boards]);
    this.quizzes.clear();
  }

  /** Stops driving quizzes at once without changing the database, as a crash would. */
  async halt(): Promise<void> {
    const running = [...this.quizzes.values()];
    for (const q of running) q.halt();
    await Promise.all([...running.map((q) => q.done), ...this.boards]);
    this.quizzes.clear();
  }

  onReaction(
    kind: 'add' | 'remove',
    e: { messageId: string; userId: string; emoji: string | null; bot: boolean | null },
  ): void {
    if (e.bot || e.userId === this.deps.io.selfId) return;
    const letter = emojiLetter(e.emoji);
    if (letter === undefined) return;
    if (!this.tracker.isTracked(e.messageId)) {
      this.tracker.early(kind, e.messageId, e.userId, letter);
      return;
    }
    if (kind === 'add') this.tracker.add(e.messageId, e.userId, letter);
    else this.tracker.remove(e.messageId, e.userId, letter);
  }
}
