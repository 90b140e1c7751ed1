import { PermissionFlagsBits } from 'discord-api-types/v10';
import {
  addReaction,
  clearReactions,
  MAX_REACTIONS,
  parseEmoji,
  removeReaction,
} from '../../actions/reactions';
import { emojiKey, userPayload } from '../../payloads';
import { compareSnowflakes } from '../../snowflake';
import type { EmojiRef } from '../../state/types';
import { channelFor, messageIn, requirePermissions } from '../access';
import { tooManyReactions, unknownEmoji } from '../api-error';
import { type ApiRequest, botOf, param, type RouteDef, route } from '../route';

const { AddReactions, ReadMessageHistory, ManageMessages } = PermissionFlagsBits;
const BASE = '/channels/:channelId/messages/:messageId/reactions';

function emojiOf(req: ApiRequest): EmojiRef {
  const emoji = parseEmoji(param(req, 'emoji'));
  if (!emoji) throw unknownEmoji();
  return emoji;
}

function target(req: ApiRequest) {
  const channel = channelFor(req);
  requirePermissions(req, channel, ReadMessageHistory);
  return { channel, message: messageIn(req, channel) };
}

/** Reactions: the bot's own, other users', and the paged list of who reacted. */
export const reactionRoutes: RouteDef[] = [
  route('PUT', `${BASE}/:emoji/@me`, (req) => {
    const { channel, message } = target(req);
    const emoji = emojiOf(req);
    const existing = message.reactions.get(emojiKey(emoji));
    // Joining an existing reaction needs only Read Message History, as on Discord.
    if (!existing) {
      requirePermissions(req, channel, AddReactions);
      if (message.reactions.size >= MAX_REACTIONS) throw tooManyReactions();
    }
    addReaction(req.core, message, botOf(req).user.id, emoji);
    return { status: 204 };
  }),
  route('DELETE', `${BASE}/:emoji/@me`, (req) => {
    const { message } = target(req);
    removeReaction(req.core, message, botOf(req).user.id, emojiOf(req));
    return { status: 204 };
  }),
  route('DELETE', `${BASE}/:emoji/:userId`, (req) => {
    const { channel, message } = target(req);
    requirePermissions(req, channel, ManageMessages);
    removeReaction(req.core, message, param(req, 'userId'), emojiOf(req));
    return { status: 204 };
  }),
  route('GET', `${BASE}/:emoji`, (req) => {
    const { message } = target(req);
    const reaction = message.reactions.get(emojiKey(emojiOf(req)));
    const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 25), 1), 100);
    const after = req.query.get('after') ?? '0';
    // Burst (super) reactions are not emulated: type=1 lists nobody.
    const users = req.query.get('type') === '1' ? [] : (reaction?.users ?? []);
    const page = [...users]
      .sort(compareSnowflakes)
      .filter((id) => compareSnowflakes(id, after) > 0)
      .slice(0, limit)
      .map((id) => userPayload(req.core.store.user(id)));
    return { status: 200, body: page };
  }),
  route('DELETE', `${BASE}/:emoji`, (req) => {
    const { channel, message } = target(req);
    requirePermissions(req, channel, ManageMessages);
    clearReactions(req.core, message, emojiOf(req));
    return { status: 204 };
  }),
  route('DELETE', BASE, (req) => {
    const { channel, message } = target(req);
    requirePermissions(req, channel, ManageMessages);
    clearReactions(req.core, message);
    return { status: 204 };
  }),
];
