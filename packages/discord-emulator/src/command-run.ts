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

  /** Waits until `find` gives something; a timeout names `what` of this interaction. */
  protected until<T>(find: () => T | undefined, what: string, options: WaitOptions): Promise<T> {
    return waitFor(this.store, find, { description: `${what} ${this.label}`, ...options });
  }

  /** The bot's first callback. */
  response(options: WaitOptions = {}): Promise<{ type: number; data: unknown }> {
    return this.until(() => this.callbacks[0], 'a response to', options);
  }

  /** The original response once it is no longer loading and `match` accepts it. */
  waitForOriginal(
    match: (m: RecordedMessage) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<RecordedMessage> {
    return this.until(
      () => {
        const m = this.original;
        return m && !m.loading && match(m) ? m : undefined;
      },
      'the original response to',
      options,
    );
  }

  waitForFollowUp(
    match: (m: RecordedMessage) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<RecordedMessage> {
    return this.until(() => this.followUps.find(match), 'a follow-up to', options);
  }
}
