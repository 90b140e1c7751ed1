import { GatewayIntentBits } from 'discord-api-types/v10';
import type { Core } from '../core';
import { UPLOADS, type Upload } from '../http/multipart';
import { memberPayload, messagePayload } from '../payloads';
import type { MessageRecord } from '../state/types';
import { resolveMentions } from './mentions';

export interface MessageBody {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  allowed_mentions?: unknown;
  flags?: unknown;
  nonce?: unknown;
  [UPLOADS]?: Upload[];
}

export interface NewMessage {
  channelId: string;
  authorId: string;
  body: MessageBody;
  type?: number;
  interactionId?: string;
  webhookId?: string;
  ephemeral?: boolean;
  /** Who sees the message when it is ephemeral. */
  visibleTo?: string;
  /** Discord's "thinking..." message of a deferred interaction reply. */
  loading?: boolean;
}

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

export function createMessage(core: Core, input: NewMessage): MessageRecord {
  const { store } = core;
  const channel = store.channel(input.channelId);
  const content = typeof input.body.content === 'string' ? input.body.content : '';
  const mentions = resolveMentions(
    store,
    channel.id,
    input.authorId,
    content,
    input.body.allowed_mentions,
  );
  const flags =
    (typeof input.body.flags === 'number' ? input.body.flags : 0) |
    (input.ephemeral ? EPHEMERAL : 0) |
    (input.loading ? LOADING : 0);
  const id = core.nextId();
  const attachments = (input.body[UPLOADS] ?? []).map((u) => {
    const attachmentId = core.nextId();
    return {
      id: attachmentId,
      filename: u.filename,
      size: u.size,
      contentType: u.contentType,
      sha256: u.sha256,
      url: `https://cdn.discordapp.com/attachments/${channel.id}/${attachmentId}/${encodeURIComponent(u.filename)}`,
    };
  });
  const message: MessageRecord = {
    id,
    channelId: channel.id,
    guildId: channel.guildId,
    authorId: input.authorId,
    content,
    embeds: Array.isArray(input.body.embeds)
      ? input.body.embeds.map((e) => withAttachmentUrls(e, attachments))
      : [],
    components: Array.isArray(input.body.components) ? input.body.components : [],
    attachments,
    flags,
    type: input.type ?? 0,
    allowedMentions: input.body.allowed_mentions,
    mentionEveryone: mentions.everyone,
    mentionUsers: mentions.users,
    mentionRoles: mentions.roles,
    createdAt: new Date().toISOString(),
    editedAt: null,
    edits: [],
    reactions: new Map(),
    deleted: false,
    ephemeral: (flags & EPHEMERAL) !== 0,
    visibleTo: (flags & EPHEMERAL) !== 0 ? (input.visibleTo ?? null) : null,
    interactionId: input.interactionId ?? null,
    webhookId: input.webhookId ?? null,
    nonce:
      typeof input.body.nonce === 'string' || typeof input.body.nonce === 'number'
        ? input.body.nonce
        : null,
  };
  store.addMessage(message);
  if (!message.ephemeral) {
    channel.lastMessageId = message.id;
    dispatchMessage(core, message, 'MESSAGE_CREATE');
  }
  store.changed();
  return message;
}

export function editMessage(core: Core, message: MessageRecord, body: MessageBody): MessageRecord {
  if (typeof body.content === 'string') message.content = body.content;
  if (Array.isArray(body.embeds)) message.embeds = body.embeds;
  if (Array.isArray(body.components)) message.components = body.components;
  if (body.allowed_mentions !== undefined) message.allowedMentions = body.allowed_mentions;
  if (typeof body.flags === 'number') {
    message.flags = (message.flags & (EPHEMERAL | LOADING)) | body.flags;
  }
  message.flags &= ~LOADING;
  const mentions = resolveMentions(
    core.store,
    message.channelId,
    message.authorId,
    message.content,
    message.allowedMentions,
  );
  message.mentionEveryone = mentions.everyone;
  message.mentionUsers = mentions.users;
  message.mentionRoles = mentions.roles;
  message.editedAt = new Date().toISOString();
  message.edits.push({
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    editedAt: message.editedAt,
  });
  if (!message.ephemeral) dispatchMessage(core, message, 'MESSAGE_UPDATE');
  core.store.changed();
  return message;
}

export function deleteMessage(core: Core, message: MessageRecord): void {
  message.deleted = true;
  if (!message.ephemeral) {
    core.gateway.dispatchToGuild(
      message.guildId,
      'MESSAGE_DELETE',
      () => ({ id: message.id, channel_id: message.channelId, guild_id: message.guildId }),
      message.channelId,
    );
  }
  core.store.changed();
}

function dispatchMessage(core: Core, message: MessageRecord, t: string): void {
  const { store } = core;
  const member = store.member(message.guildId, message.authorId);
  core.gateway.dispatchToGuild(
    message.guildId,
    t,
    (session) => {
      const payload = {
        ...messagePayload(store, message, session.bot.user.id),
        ...(member ? { member: memberPayload(store, member, false) } : {}),
      };
      const viewer = session.bot.user.id;
      const seesContent =
        (session.intents & GatewayIntentBits.MessageContent) !== 0 ||
        message.authorId === viewer ||
        message.mentionUsers.includes(viewer);
      return seesContent ? payload : { ...payload, content: '', embeds: [], components: [] };
    },
    message.channelId,
  );
}

/** Discord points an embed's `attachment://name` image or thumbnail at the attachment's URL. */
function withAttachmentUrls(embed: unknown, attachments: { filename: string; url: string }[]) {
  if (!embed || typeof embed !== 'object' || attachments.length === 0) return embed;
  const e = { ...(embed as Record<string, unknown>) };
  for (const key of ['image', 'thumbnail']) {
    const media = e[key] as { url?: unknown } | undefined;
    const name =
      typeof media?.url === 'string' && media.url.startsWith('attachment://')
        ? media.url.slice('attachment://'.length)
        : undefined;
    const file = name === undefined ? undefined : attachments.find((a) => a.filename === name);
    if (file) e[key] = { ...media, url: file.url, proxy_url: file.url };
  }
  return e;
}
