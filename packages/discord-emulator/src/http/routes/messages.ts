import { PermissionFlagsBits } from 'discord-api-types/v10';
import {
  createMessage,
  deleteMessage,
  editMessage,
  type MessageBody,
} from '../../actions/messages';
import { messagePayload } from '../../payloads';
import { channelPermissions } from '../../permissions';
import { compareSnowflakes } from '../../snowflake';
import { channelFor, messageIn, requirePermissions } from '../access';
import {
  cannotEditOthers,
  entityTooLarge,
  invalidFormBody,
  missingPermissions,
} from '../api-error';
import { UPLOADS } from '../multipart';
import { botOf, type RouteDef, route } from '../route';
import { MESSAGE_LIMITS, validateMessageBody } from '../validate-message';

const { SendMessages, EmbedLinks, ReadMessageHistory, ManageMessages, ViewChannel } =
  PermissionFlagsBits;

const hasEmbeds = (body: Record<string, unknown>) =>
  Array.isArray(body.embeds) && body.embeds.length > 0;

/** Channel messages: create, list, get, edit, delete. */
export const messageRoutes: RouteDef[] = [
  route('POST', '/channels/:channelId/messages', (req) => {
    const channel = channelFor(req);
    requirePermissions(req, channel, SendMessages | (hasEmbeds(req.body) ? EmbedLinks : 0n));
    validateMessageBody(req.body, true);
    const uploads = (req.body as MessageBody)[UPLOADS] ?? [];
    if (uploads.reduce((n, u) => n + u.size, 0) > MESSAGE_LIMITS.uploadBytes)
      throw entityTooLarge();
    if (uploads.length > MESSAGE_LIMITS.files) {
      throw invalidFormBody([
        { path: 'files', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' },
      ]);
    }
    const authorId = botOf(req).user.id;
    // enforce_nonce: a create repeated with the nonce of a recent message of the same author
    // (a retry after a lost response) answers that message instead of posting another.
    const { nonce } = req.body;
    const repeated =
      req.body.enforce_nonce === true && (typeof nonce === 'string' || typeof nonce === 'number')
        ? req.core.store
            .channelMessages(channel.id)
            .find(
              (m) =>
                m.authorId === authorId &&
                m.nonce === nonce &&
                !m.deleted &&
                Date.now() - Date.parse(m.createdAt) < req.core.options.nonceWindowMs,
            )
        : undefined;
    const message =
      repeated ?? createMessage(req.core, { channelId: channel.id, authorId, body: req.body });
    return { status: 200, body: messagePayload(req.core.store, message, authorId) };
  }),
  route('GET', '/channels/:channelId/messages', (req) => {
    const channel = channelFor(req);
    requirePermissions(req, channel, ViewChannel);
    const perms = channelPermissions(req.core.store, channel.id, botOf(req).user.id);
    if (!(perms & ReadMessageHistory)) return { status: 200, body: [] };
    const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 50), 1), 100);
    const before = req.query.get('before');
    const after = req.query.get('after');
    let list = req.core.store
      .channelMessages(channel.id)
      .filter((m) => !m.deleted && !m.ephemeral)
      .sort((a, b) => compareSnowflakes(b.id, a.id));
    if (before) list = list.filter((m) => compareSnowflakes(m.id, before) < 0);
    if (after) list = list.filter((m) => compareSnowflakes(m.id, after) > 0).reverse();
    const page = list.slice(0, limit);
    if (after) page.reverse();
    return {
      status: 200,
      body: page.map((m) => messagePayload(req.core.store, m, botOf(req).user.id)),
    };
  }),
  route('GET', '/channels/:channelId/messages/:messageId', (req) => {
    const channel = channelFor(req);
    requirePermissions(req, channel, ReadMessageHistory);
    const message = messageIn(req, channel);
    return { status: 200, body: messagePayload(req.core.store, message, botOf(req).user.id) };
  }),
  route('PATCH', '/channels/:channelId/messages/:messageId', (req) => {
    const channel = channelFor(req);
    requirePermissions(req, channel, ViewChannel);
    const message = messageIn(req, channel);
    if (message.authorId !== botOf(req).user.id) throw cannotEditOthers();
    if (hasEmbeds(req.body)) requirePermissions(req, channel, EmbedLinks);
    validateMessageBody(req.body, false);
    editMessage(req.core, message, req.body);
    return { status: 200, body: messagePayload(req.core.store, message, botOf(req).user.id) };
  }),
  route('DELETE', '/channels/:channelId/messages/:messageId', (req) => {
    const channel = channelFor(req);
    requirePermissions(req, channel, ViewChannel);
    const message = messageIn(req, channel);
    if (message.authorId !== botOf(req).user.id) {
      const perms = channelPermissions(req.core.store, channel.id, botOf(req).user.id);
      if (!(perms & ManageMessages)) throw missingPermissions();
    }
    deleteMessage(req.core, message);
    return { status: 204 };
  }),
];
