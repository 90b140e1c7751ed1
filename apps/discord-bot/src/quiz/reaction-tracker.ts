interface EarlyEvent {
  kind: 'add' | 'remove';
  userId: string;
  letter: string;
}

const EARLY_MAX = 10_000;

/** What the bot knows about one open round's reactions. */
interface TrackedRound {
  letters: ReadonlySet<string>;
  picks: Map<string, Set<string>>;
  /** False when events may have been missed (restart, new session): grade from REST instead. */
  vouched: boolean;
  closed: boolean;
}

/**
 * Members' letter picks per round message, kept from gateway reaction events as they arrive.
 * Letters that are not options of the round are ignored; nothing counts once a round is closed.
 */
export class ReactionTracker {
  private readonly rounds = new Map<string, TrackedRound>();
  /** Letter events on messages not tracked yet, oldest message first (see `early`). */
  private readonly earlyEvents = new Map<string, EarlyEvent[]>();
  private earlyCount = 0;

  track(messageId: string, letters: readonly string[], vouched: boolean): void {
    this.rounds.set(messageId, {
      letters: new Set(letters),
      picks: new Map(),
      vouched,
      closed: false,
    });
    const early = this.earlyEvents.get(messageId) ?? [];
    this.earlyEvents.delete(messageId);
    this.earlyCount -= early.length;
    for (const e of early) {
      if (e.kind === 'add') this.add(messageId, e.userId, e.letter);
      else this.remove(messageId, e.userId, e.letter);
    }
  }

  /**
   * A letter reaction on a message that is not tracked: it may be a question whose create Discord
   * has made but whose answer (its id) the bot has not had yet, so the event is kept for `track`.
   * At most EARLY_MAX events are kept; the oldest messages' go first.
   */
  early(kind: 'add' | 'remove', messageId: string, userId: string, letter: string): void {
    const list = this.earlyEvents.get(messageId) ?? [];
    list.push({ kind, userId, letter });
    this.earlyEvents.set(messageId, list);
    this.earlyCount++;
    while (this.earlyCount > EARLY_MAX) {
      const [oldest, events] = this.earlyEvents.entries().next().value as [string, EarlyEvent[]];
      this.earlyEvents.delete(oldest);
      this.earlyCount -= events.length;
    }
  }

  isTracked(messageId: string): boolean {
    return this.rounds.has(messageId);
  }

  add(messageId: string, userId: string, letter: string): void {
    const round = this.rounds.get(messageId);
    if (!round || round.closed || !round.letters.has(letter)) return;
    const picks = round.picks.get(userId) ?? new Set<string>();
    picks.add(letter);
    round.picks.set(userId, picks);
  }

  remove(messageId: string, userId: string, letter: string): void {
    const round = this.rounds.get(messageId);
    if (!round || round.closed) return;
    const picks = round.picks.get(userId);
    picks?.delete(letter);
    if (picks?.size === 0) round.picks.delete(userId);
  }

  /** Reactions removed in bulk (a moderator cleared one emoji or all of them). */
  clear(messageId: string, letter?: string): void {
    const round = this.rounds.get(messageId);
    if (!round || round.closed) return;
    if (letter === undefined) round.picks.clear();
    else for (const userId of [...round.picks.keys()]) this.remove(messageId, userId, letter);
    // A moderator's bulk removal is not a member's choice; Discord's state is the truth now.
    round.vouched = false;
  }

  /** Every open round's state becomes unverifiable (a session was invalidated, not resumed). */
  distrustAll(): void {
    for (const round of this.rounds.values()) round.vouched = false;
  }

  /** This round's state is unverifiable (events may still be in flight on a dead connection). */
  distrust(messageId: string): void {
    const round = this.rounds.get(messageId);
    if (round) round.vouched = false;
  }

  isVouched(messageId: string): boolean {
    return this.rounds.get(messageId)?.vouched ?? false;
  }

  /** Each member's picks so far, sorted, without closing the round (empty when not tracked). */
  picks(messageId: string): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const [userId, picks] of this.rounds.get(messageId)?.picks ?? []) {
      if (picks.size > 0) result.set(userId, [...picks].sort());
    }
    return result;
  }

  /** Closes the round: later events are ignored. Returns each member's final picks, sorted. */
  close(messageId: string): Map<string, string[]> {
    const round = this.rounds.get(messageId);
    if (round) round.closed = true;
    return this.picks(messageId);
  }

  /** Replaces a closed round's picks with Discord's (from REST), for grading. */
  static fromLetterUsers(usersByLetter: ReadonlyMap<string, readonly string[]>) {
    const picks = new Map<string, Set<string>>();
    for (const [letter, users] of usersByLetter) {
      for (const u of users) picks.set(u, (picks.get(u) ?? new Set()).add(letter));
    }
    return new Map([...picks].map(([u, s]) => [u, [...s].sort()] as const));
  }

  forget(messageId: string): void {
    this.rounds.delete(messageId);
  }
}
