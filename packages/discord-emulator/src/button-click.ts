import { CommandRun } from './command-run';
import type { Store } from './state/store';
import type { InteractionRecord } from './state/types';
import { type RecordedMessage, recordedMessage } from './views';
import type { WaitOptions } from './wait-for';

/**
 * A member's click on a button: follow the bot's answers to it. Besides a `CommandRun`'s
 * callbacks, original response and follow-ups, the clicked message itself: after an
 * `UPDATE_MESSAGE` (7) or `DEFERRED_UPDATE_MESSAGE` (6) callback it is also the `original`.
 */
export class ButtonClick extends CommandRun {
  private readonly editsAtClick: number;

  constructor(store: Store, interaction: InteractionRecord) {
    super(store, interaction);
    this.editsAtClick = store.message(this.messageId).edits.length;
  }

  protected override get label(): string {
    return `the click on ${JSON.stringify(this.customId)} (message ${this.messageId})`;
  }

  get customId(): string {
    return this.interaction.component?.customId ?? '';
  }

  /** Id of the message the button is on. */
  get messageId(): string {
    return this.interaction.component?.messageId ?? '';
  }

  /** The clicked message as it is now. */
  get message(): RecordedMessage {
    return recordedMessage(this.store.message(this.messageId));
  }

  /** The clicked message once edited after the click (update, or defer then edit) and `match`es. */
  waitForUpdate(
    match: (m: RecordedMessage) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<RecordedMessage> {
    return this.until(
      () => {
        const m = this.message;
        return m.edits.length > this.editsAtClick && match(m) ? m : undefined;
      },
      'an update of the message after',
      options,
    );
  }
}
