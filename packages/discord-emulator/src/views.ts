import { messageButtons } from './components';
import { emojiKey } from './payloads';
import type { AttachmentRecord, MessageEdit, MessageRecord } from './state/types';

/** One button of a message's action rows, as a test reads it. */
export interface RecordedButton {
  /** Index of its action row. */
  row: number;
  /** `null` for link buttons. */
  customId: string | null;
  label: string | null;
  /** 1 primary, 2 secondary, 3 success, 4 danger, 5 link. */
  style: number;
  emoji: { id?: string; name?: string; animated?: boolean } | null;
  url: string | null;
  disabled: boolean;
}

/** A message's state after one edit; `buttons` as in `RecordedMessage`. */
export interface RecordedEdit extends MessageEdit {
  buttons: RecordedButton[];
}

/** A message as tests read it: what the bot sent, what it changed, who reacted. */
export interface RecordedMessage {
  id: string;
  channelId: string;
  guildId: string;
  authorId: string;
  content: string;
  embeds: Record<string, unknown>[];
  components: unknown[];
  /** The buttons of `components`, row by row. */
  buttons: RecordedButton[];
  /** Files posted with the message: name, size, content type, SHA-256 of the bytes, URL. */
  attachments: AttachmentRecord[];
  flags: number;
  ephemeral: boolean;
  /** The one user who sees an ephemeral message; `null` for a message everyone sees. */
  visibleTo: string | null;
  /** A deferred interaction reply not yet edited ("is thinking..."). */
  loading: boolean;
  deleted: boolean;
  /** `allowed_mentions` exactly as sent (`undefined`: none sent, so Discord parses everything). */
  allowedMentions: unknown;
  /** Who Discord would notify with the current content. */
  pinged: { everyone: boolean; users: string[]; roles: string[] };
  /** State after each edit, oldest first. */
  edits: RecordedEdit[];
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
    buttons: recordedButtons(m.components),
    attachments: m.attachments.map((a) => ({ ...a })),
    flags: m.flags,
    ephemeral: m.ephemeral,
    visibleTo: m.visibleTo,
    loading: (m.flags & (1 << 7)) !== 0,
    deleted: m.deleted,
    allowedMentions: m.allowedMentions,
    pinged: { everyone: m.mentionEveryone, users: [...m.mentionUsers], roles: [...m.mentionRoles] },
    edits: m.edits.map((e) => ({ ...e, buttons: recordedButtons(e.components) })),
    reactions: [...m.reactions.values()].map((r) => ({
      emoji: emojiKey(r.emoji),
      users: [...r.users],
    })),
    interactionId: m.interactionId,
    createdAt: m.createdAt,
    editedAt: m.editedAt,
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function recordedButtons(components: unknown[]): RecordedButton[] {
  return messageButtons(components).map(({ row, button: b }) => ({
    row,
    customId: str(b.custom_id),
    label: str(b.label),
    style: typeof b.style === 'number' ? b.style : 0,
    emoji:
      typeof b.emoji === 'object' && b.emoji !== null
        ? { ...(b.emoji as RecordedButton['emoji']) }
        : null,
    url: str(b.url),
    disabled: b.disabled === true,
  }));
}
