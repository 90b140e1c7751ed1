import type { Core } from '../core';
import { emojiKey, emojiPayload, memberPayload } from '../payloads';
import type { EmojiRef, MessageRecord } from '../state/types';

/** Max distinct reactions on one message. */
export const MAX_REACTIONS = 20;

const EMOJI_LIKE = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/**
 * Parses `🇦`, `name:id` or `a:name:id` (as in reaction URLs, already decoded). Returns
 * `undefined` for text that is no emoji, which Discord answers with Unknown Emoji.
 */
export function parseEmoji(text: string): EmojiRef | undefined {
  const custom = /^(?:a:)?([\w~-]+):(\d+)$/.exec(text);
  if (custom) return { name: custom[1] ?? '', id: custom[2] ?? '' };
  return EMOJI_LIKE.test(text) ? { id: null, name: text } : undefined;
}

/** Adds a reaction; `false` when the user had already reacted with that emoji. */
export function addReaction(
  core: Core,
  message: MessageRecord,
  userId: string,
  emoji: EmojiRef,
): boolean {
  const key = emojiKey(emoji);
  let reaction = message.reactions.get(key);
  if (!reaction) {
    reaction = { emoji, users: [] };
    message.reactions.set(key, reaction);
  }
  if (reaction.users.includes(userId)) return false;
  reaction.users.push(userId);
  const member = core.store.member(message.guildId, userId);
  core.gateway.dispatchToGuild(
    message.guildId,
    'MESSAGE_REACTION_ADD',
    () => ({
      user_id: userId,
      channel_id: message.channelId,
      message_id: message.id,
      guild_id: message.guildId,
      ...(member ? { member: memberPayload(core.store, member) } : {}),
      emoji: emojiPayload(emoji),
      message_author_id: message.authorId,
      burst: false,
      burst_colors: [],
      type: 0,
    }),
    message.channelId,
  );
  core.store.changed();
  return true;
}

/** Removes a reaction; `false` when there was none. */
export function removeReaction(
  core: Core,
  message: MessageRecord,
  userId: string,
  emoji: EmojiRef,
): boolean {
  const key = emojiKey(emoji);
  const reaction = message.reactions.get(key);
  if (!reaction?.users.includes(userId)) return false;
  reaction.users = reaction.users.filter((id) => id !== userId);
  if (reaction.users.length === 0) message.reactions.delete(key);
  core.gateway.dispatchToGuild(
    message.guildId,
    'MESSAGE_REACTION_REMOVE',
    () => ({
      user_id: userId,
      channel_id: message.channelId,
      message_id: message.id,
      guild_id: message.guildId,
      emoji: emojiPayload(emoji),
      burst: false,
      type: 0,
    }),
    message.channelId,
  );
  core.store.changed();
  return true;
}

/** Removes every reaction, or every reaction with one emoji. */
export function clearReactions(core: Core, message: MessageRecord, emoji?: EmojiRef): void {
  const base = { channel_id: message.channelId, message_id: message.id, guild_id: message.guildId };
  if (emoji) {
    message.reactions.delete(emojiKey(emoji));
    core.gateway.dispatchToGuild(
      message.guildId,
      'MESSAGE_REACTION_REMOVE_EMOJI',
      () => ({ ...base, emoji: emojiPayload(emoji) }),
      message.channelId,
    );
  } else {
    message.reactions.clear();
    core.gateway.dispatchToGuild(
      message.guildId,
      'MESSAGE_REACTION_REMOVE_ALL',
      () => base,
      message.channelId,
    );
  }
  core.store.changed();
}
