import { emojiKey } from './payloads';
import type { AttachmentRecord, MessageEdit, MessageRecord } from './state/types';

/** A message as tests read it: what the bot sent, what it changed, who reacted. */
export interface RecordedMessage {
  id: string;
  channelId: string;
  guildId: string;
  authorId: string;
  content: string;
  embeds: Record<string, unknown>[];
  components: unknown[];
  /** Files posted with the message: name, size, content type, SHA-256 of the bytes, URL. */
  attachments: AttachmentRecord[];
  flags: number;
  ephemeral: boolean;
  /** A deferred interaction reply not yet edited ("is thinking..."). */
  loading: boolean;
  deleted: boolean;
  /** `allowed_mentions` exactly as sent (`undefined`: none sent, so Discord parses everything). */
  allowedMentions: unknown;
  /** Who Discord would notify with the current content. */
  pinged: { everyone: boolean; users: string[]; roles: string[] };
  /** State after each edit, oldest first. */
  edits: MessageEdit[];
  /** Per emoji (`'🇦'` or `'name:id'`), reacting user ids in the order they reacted. */
  reactions: { emoji: string; users: string[] }[];
  interactionId: string | null;
  createdAt: string;
  editedAt: string | null;
}

export function recordedMessage(m: MessageRecord): RecordedMessage {
  return {
    id: m.id,
    channelId: m.channelId,
    guildId: m.guildId,
    authorId: m.authorId,
    content: m.content,
    embeds: m.embeds as Record<string, unknown>[],
    components: m.components,
    attachments: m.attachments.map((a) => ({ ...a })),
    flags: m.flags,
    ephemeral: m.ephemeral,
    loading: (m.flags & (1 << 7)) !== 0,
    deleted: m.deleted,
    allowedMentions: m.allowedMentions,
    pinged: { everyone: m.mentionEveryone, users: [...m.mentionUsers], roles: [...m.mentionRoles] },
    edits: m.edits.map((e) => ({ ...e })),
    reactions: [...m.reactions.values()].map((r) => ({
      emoji: emojiKey(r.emoji),
      users: [...r.users],
    })),
    interactionId: m.interactionId,
    createdAt: m.createdAt,
    editedAt: m.editedAt,
  };
}
