/** In-memory records the emulator keeps; REST and gateway payloads are rendered from them. */

export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface BotRecord {
  user: UserRecord;
  token: string;
  applicationId: string;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  createdAt: string;
}

export interface RoleRecord {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  color: number;
  mentionable: boolean;
  /** Set for a bot's managed role. */
  botId: string | null;
}

export interface OverwriteRecord {
  id: string;
  type: 'role' | 'member';
  allow: bigint;
  deny: bigint;
}

export interface ChannelRecord {
  id: string;
  guildId: string;
  name: string;
  type: number;
  position: number;
  topic: string | null;
  overwrites: OverwriteRecord[];
  lastMessageId: string | null;
}

export interface MemberRecord {
  guildId: string;
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
}

export interface EmojiRef {
  id: string | null;
  name: string;
}

export interface ReactionRecord {
  emoji: EmojiRef;
  /** Reacting user ids in the order they reacted. */
  users: string[];
}

export interface MessageEdit {
  content: string;
  embeds: unknown[];
  components: unknown[];
  editedAt: string;
}

/** A file posted with a message (its bytes are hashed, not kept). */
export interface AttachmentRecord {
  id: string;
  filename: string;
  size: number;
  contentType: string;
  sha256: string;
  url: string;
}

export interface MessageRecord {
  id: string;
  channelId: string;
  guildId: string;
  authorId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: AttachmentRecord[];
  flags: number;
  type: number;
  /** `allowed_mentions` exactly as the bot sent it (`undefined` when it sent none). */
  allowedMentions: unknown;
  mentionEveryone: boolean;
  mentionUsers: string[];
  mentionRoles: string[];
  createdAt: string;
  editedAt: string | null;
  edits: MessageEdit[];
  reactions: Map<string, ReactionRecord>;
  deleted: boolean;
  ephemeral: boolean;
  /** The one user who sees an ephemeral message (who ran its interaction). */
  visibleTo: string | null;
  interactionId: string | null;
  webhookId: string | null;
  nonce: string | number | null;
}

export interface CommandRecord {
  id: string;
  applicationId: string;
  guildId: string | null;
  name: string;
  type: number;
  version: string;
  /** The command as the bot sent it (options, description, ...). */
  data: Record<string, unknown>;
}

export interface InteractionRecord {
  id: string;
  /** 2 application command, 3 message component. */
  type: number;
  token: string;
  applicationId: string;
  guildId: string;
  channelId: string;
  userId: string;
  commandName: string;
  /** A component interaction: the clicked component's `custom_id` and the message it is on. */
  component: { customId: string; messageId: string } | null;
  payload: Record<string, unknown>;
  createdAt: number;
  /** Callbacks the bot sent, in order (`{ type, data }`). */
  callbacks: { type: number; data: unknown }[];
  originalMessageId: string | null;
  followUpIds: string[];
}
