import { PermissionFlagsBits } from 'discord-api-types/v10';
import { BUTTON, LINK_STYLE, messageButtons } from '../components';
import type { Core } from '../core';
import { EmulatorError } from '../errors';
import { messagePayload } from '../payloads';
import { channelPermissions } from '../permissions';
import type { InteractionRecord } from '../state/types';
import { startInteraction } from './interactions';

export interface ClickButtonInput {
  messageId: string;
  /** The button's `custom_id`. */
  customId: string;
  userId: string;
  /** Checked against the message's channel and guild when given. */
  channelId?: string;
  guildId?: string;
}

function fail(code: string, message: string): never {
  throw new EmulatorError(code, message);
}

/**
 * A member clicks a button: INTERACTION_CREATE type 3 (MESSAGE_COMPONENT) with the message, to
 * the sessions of the bot that posted it. Refuses (EmulatorError) what a member cannot click:
 * a deleted message, another member's ephemeral message, a channel the member cannot view, an
 * unknown `custom_id`, a link button, a disabled button.
 */
export function buildButtonInteraction(core: Core, input: ClickButtonInput): InteractionRecord {
  const { store } = core;
  const message = store.message(input.messageId);
  if (message.deleted) fail('EMU_UNKNOWN_MESSAGE', `message ${message.id} was deleted`);
  if (input.channelId !== undefined && input.channelId !== message.channelId) {
    fail('EMU_BAD_SCENARIO', `message ${message.id} is not in channel ${input.channelId}`);
  }
  if (input.guildId !== undefined && input.guildId !== message.guildId) {
    fail('EMU_BAD_SCENARIO', `message ${message.id} is not in guild ${input.guildId}`);
  }
  store.requireMember(message.guildId, input.userId);
  if (message.ephemeral) {
    const viewer = message.visibleTo;
    if (viewer !== input.userId) {
      fail(
        'EMU_MESSAGE_NOT_VISIBLE',
        `message ${message.id} is ephemeral: only user ${viewer} sees it, not ${input.userId}`,
      );
    }
  } else {
    const perms = channelPermissions(store, message.channelId, input.userId);
    if (!(perms & PermissionFlagsBits.ViewChannel)) {
      fail(
        'EMU_MESSAGE_NOT_VISIBLE',
        `member ${input.userId} cannot view channel ${message.channelId}`,
      );
    }
  }
  const found = messageButtons(message.components).find(
    (b) => b.button.custom_id === input.customId,
  );
  if (!found) {
    const ids = messageButtons(message.components)
      .map((b) => b.button.custom_id)
      .filter((id) => typeof id === 'string');
    fail(
      'EMU_UNKNOWN_COMPONENT',
      `message ${message.id} has no button ${JSON.stringify(input.customId)} (it has ${JSON.stringify(ids)})`,
    );
  }
  if (found.button.style === LINK_STYLE) {
    fail('EMU_COMPONENT_NOT_CLICKABLE', `button ${input.customId} is a link button`);
  }
  if (found.button.disabled === true) {
    fail('EMU_COMPONENT_DISABLED', `button ${input.customId} of message ${message.id} is disabled`);
  }
  const bot =
    store.bots.get(message.authorId) ??
    (message.webhookId ? store.botByApplication(message.webhookId) : undefined);
  if (!bot) {
    fail('EMU_BAD_SCENARIO', `message ${message.id} was not posted by a bot of the emulator`);
  }
  return startInteraction(core, bot, {
    type: 3,
    channelId: message.channelId,
    userId: input.userId,
    commandName: '',
    component: { customId: input.customId, messageId: message.id },
    data: { custom_id: input.customId, component_type: BUTTON },
    extra: { message: messagePayload(store, message, bot.user.id) },
  });
}
