import type { Store } from './state/store';
import type { InteractionRecord } from './state/types';
import { type RecordedMessage, recordedMessage } from './views';
import { type WaitOptions, waitFor } from './wait-for';

/** A slash command a member ran: follow the bot's answers to it. */
export class CommandRun {
  constructor(
    protected readonly store: Store,
    readonly interaction: InteractionRecord,
  ) {}

  /** How timeout errors name the interaction. */
  protected get label(): string {
    return `/${this.interaction.commandName}`;
  }

  get id(): string {
    return this.interaction.id;
  }

  /** Callbacks the bot sent (`type` 4 reply, 5 defer, ...). */
  get callbacks(): { type: number; data: unknown }[] {
    return this.interaction.callbacks.map((c) => ({ ...c }));
  }

  get original(): RecordedMessage | undefined {
    const id = this.interaction.originalMessageId;
    const message = id ? this.store.messages.get(id) : undefined;
    return message ? recordedMessage(message) : undefined;
  }

  get followUps(): RecordedMessage[] {
    return this.interaction.followUpIds.flatMap((id) => {
      const message = this.store.messages.get(id);
      return message ? [recordedMessage(message)] : [];
    });
  }

  /** The bot's first callback. */
  response(options: WaitOptions = {}): Promise<{ type: number; data: unknown }> {
    return waitFor(this.store, () => this.callbacks[0], {
      description: `a response to ${this.label}`,
      ...options,
    });
  }

  /** The original response once it is no longer loading and `match` accepts it. */
  waitForOriginal(
    match: (m: RecordedMessage) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<RecordedMessage> {
    return waitFor(
      this.store,
      () => {
        const m = this.original;
        return m && !m.loading && match(m) ? m : undefined;
      },
      { description: `the original response to ${this.label}`, ...options },
    );
  }

  waitForFollowUp(
    match: (m: RecordedMessage) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<RecordedMessage> {
    return waitFor(this.store, () => this.followUps.find(match), {
      description: `a follow-up to ${this.label}`,
      ...options,
    });
  }
}
