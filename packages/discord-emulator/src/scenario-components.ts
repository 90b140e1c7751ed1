import { buildButtonInteraction, type ClickButtonInput } from './actions/component-interactions';
import { ButtonClick } from './button-click';
import { ScenarioMembers } from './scenario-members';
import { compareSnowflakes } from './snowflake';
import { type RecordedMessage, recordedMessage } from './views';

/** What members do with message components: click buttons, read what only they see. */
export class ScenarioComponents extends ScenarioMembers {
  /**
   * A member clicks a button (INTERACTION_CREATE type 3 to the bot that posted the message).
   * Throws `EmulatorError` for what Discord's client would not let them click: another member's
   * ephemeral message (`EMU_MESSAGE_NOT_VISIBLE`), an unknown `custom_id`
   * (`EMU_UNKNOWN_COMPONENT`), a disabled button (`EMU_COMPONENT_DISABLED`), a link button.
   */
  clickButton(input: ClickButtonInput): ButtonClick {
    return new ButtonClick(this.core.store, buildButtonInteraction(this.core, input));
  }

  /** The live ephemeral messages `userId` sees, oldest first (in one channel, with `channelId`). */
  ephemeralMessages(userId: string, options: { channelId?: string } = {}): RecordedMessage[] {
    const { store } = this.core;
    store.user(userId);
    const channels =
      options.channelId === undefined
        ? [...store.channels.keys()]
        : [store.channel(options.channelId).id];
    return channels
      .flatMap((id) => store.channelMessages(id))
      .filter((m) => m.ephemeral && !m.deleted && m.visibleTo === userId)
      .sort((a, b) => compareSnowflakes(a.id, b.id))
      .map(recordedMessage);
  }
}
