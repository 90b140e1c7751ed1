import { PermissionFlagsBits } from 'discord-api-types/v10';
import { createMessage, deleteMessage } from './actions/messages';
import { addReaction, clearReactions, parseEmoji, removeReaction } from './actions/reactions';
import { EmulatorError } from './errors';
import { emojiKey, userPayload } from './payloads';
import { channelPermissions, missingPermissions } from './permissions';
import { ScenarioSetup } from './scenario-setup';
import { type RecordedMessage, recordedMessage } from './views';

/** What members (and moderators) do: post, react, unreact, delete, leave. */
export class ScenarioMembers extends ScenarioSetup {
  /** A member posts a message (MESSAGE_CREATE; content hidden from bots without Message Content). */
  postMessage(
    channelId: string,
    userId: string,
    body: string | { content?: string; embeds?: Record<string, unknown>[] },
  ): RecordedMessage {
    const channel = this.core.store.channel(channelId);
    this.core.store.requireMember(channel.guildId, userId);
    const message = createMessage(this.core, {
      channelId,
      authorId: userId,
      body: typeof body === 'string' ? { content: body } : body,
    });
    return recordedMessage(message);
  }

  /** A member reacts (MESSAGE_REACTION_ADD with `member`); `false` if they already had. */
  react(channelId: string, messageId: string, userId: string, emoji: string): boolean {
    const message = this.liveMessage(channelId, messageId);
    this.core.store.requireMember(message.guildId, userId);
    const parsed = this.emoji(emoji);
    // Members obey the same rules as bots: Read Message History, and Add Reactions for a new emoji.
    const perms = channelPermissions(this.core.store, channelId, userId);
    const required =
      PermissionFlagsBits.ViewChannel |
      PermissionFlagsBits.ReadMessageHistory |
      (message.reactions.has(emojiKey(parsed)) ? 0n : PermissionFlagsBits.AddReactions);
    const missing = missingPermissions(perms, required);
    if (missing.length) {
      throw new EmulatorError(
        'EMU_MEMBER_CANNOT_REACT',
        `member ${userId} cannot react with ${emoji} in channel ${channelId}: lacks ${missing.join(', ')}`,
      );
    }
    return addReaction(this.core, message, userId, parsed);
  }

  /** A member removes a reaction (MESSAGE_REACTION_REMOVE); `false` if there was none. */
  unreact(channelId: string, messageId: string, userId: string, emoji: string): boolean {
    return removeReaction(
      this.core,
      this.liveMessage(channelId, messageId),
      userId,
      this.emoji(emoji),
    );
  }

  protected liveMessage(channelId: string, messageId: string) {
    const message = this.core.store.message(messageId);
    if (message.channelId !== channelId || message.deleted) {
      throw new EmulatorError(
        'EMU_UNKNOWN_MESSAGE',
        `no live message ${messageId} in ${channelId}`,
      );
    }
    return message;
  }

  protected emoji(text: string) {
    const emoji = parseEmoji(text);
    if (!emoji) throw new EmulatorError('EMU_BAD_EMOJI', `${JSON.stringify(text)} is not an emoji`);
    return emoji;
  }

  /** A moderator deletes a message (MESSAGE_DELETE); the bot then gets 10008 for it. */
  deleteMessage(channelId: string, messageId: string): void {
    deleteMessage(this.core, this.liveMessage(channelId, messageId));
  }

  /** A moderator removes all reactions, or all of one emoji (REMOVE_ALL / REMOVE_EMOJI). */
  clearReactions(channelId: string, messageId: string, emoji?: string): void {
    const message = this.liveMessage(channelId, messageId);
    clearReactions(this.core, message, emoji === undefined ? undefined : this.emoji(emoji));
  }

  /** A member leaves the guild (GUILD_MEMBER_REMOVE); their reactions stay, as on Discord. */
  removeMember(guildId: string, userId: string): void {
    const { store } = this.core;
    store.requireMember(guildId, userId);
    store.members.delete(`${guildId}:${userId}`);
    const user = userPayload(store.user(userId));
    this.core.gateway.dispatchToGuild(guildId, 'GUILD_MEMBER_REMOVE', () => ({
      guild_id: guildId,
      user,
    }));
    store.changed();
  }
}
