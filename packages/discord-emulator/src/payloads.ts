import { channelPermissions } from './permissions';
import type { Store } from './state/store';
import type {
  ChannelRecord,
  CommandRecord,
  EmojiRef,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  RoleRecord,
  UserRecord,
} from './state/types';

/** Renders records as Discord API v10 JSON objects. */

export function userPayload(user: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName,
    discriminator: '0',
    avatar: null,
    bot: user.bot,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

export function rolePayload(role: RoleRecord) {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.botId !== null,
    mentionable: role.mentionable,
    flags: 0,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function memberPayload(store: Store, member: MemberRecord, withUser = true) {
  return {
    ...(withUser ? { user: userPayload(store.user(member.userId)) } : {}),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function channelPayload(channel: ChannelRecord) {
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    topic: channel.topic,
    nsfw: false,
    parent_id: null,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0,
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type === 'role' ? 0 : 1,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
  };
}

export function guildPayload(store: Store, guild: GuildRecord) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: 'en-US',
    application_id: null,
    max_members: 500000,
    max_video_channel_users: 25,
    features: [],
    emojis: [],
    stickers: [],
    roles: store.guildRoles(guild.id).map(rolePayload),
  };
}

export function emojiKey(emoji: EmojiRef): string {
  return emoji.id ? `${emoji.name}:${emoji.id}` : emoji.name;
}

export function emojiPayload(emoji: EmojiRef) {
  return { id: emoji.id, name: emoji.name };
}

/** A message as `viewerId` (a bot) sees it: `me` on reactions is relative to the viewer. */
export function messagePayload(store: Store, message: MessageRecord, viewerId: string) {
  const channel = store.channel(message.channelId);
  const author = store.user(message.authorId);
  const reactions = [...message.reactions.values()].map((r) => ({
    emoji: emojiPayload(r.emoji),
    count: r.users.length,
    count_details: { burst: 0, normal: r.users.length },
    me: r.users.includes(viewerId),
    me_burst: false,
    burst_colors: [],
  }));
  return {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    guild_id: channel.guildId,
    author: userPayload(author),
    content: message.content,
    timestamp: message.createdAt,
    edited_timestamp: message.editedAt,
    tts: false,
    mention_everyone: message.mentionEveryone,
    mentions: message.mentionUsers.flatMap((id) => {
      const user = store.users.get(id);
      return user ? [userPayload(user)] : [];
    }),
    mention_roles: [...message.mentionRoles],
    attachments: message.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      size: a.size,
      url: a.url,
      proxy_url: a.url,
      content_type: a.contentType,
    })),
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
    ...(reactions.length ? { reactions } : {}),
    ...(message.nonce !== null ? { nonce: message.nonce } : {}),
    ...(message.webhookId
      ? { webhook_id: message.webhookId, application_id: message.webhookId }
      : {}),
    ...(message.interactionId ? interactionMetadata(store, message.interactionId, message.id) : {}),
  };
}

function interactionMetadata(store: Store, interactionId: string, messageId: string) {
  const interaction = store.interactions.get(interactionId);
  if (!interaction) return {};
  const followUp = interaction.followUpIds.includes(messageId) && interaction.originalMessageId;
  const base = {
    id: interaction.id,
    type: interaction.type,
    user: userPayload(store.user(interaction.userId)),
    authorizing_integration_owners: { '0': interaction.guildId },
    ...(followUp ? { original_response_message_id: interaction.originalMessageId } : {}),
  };
  return {
    interaction_metadata: interaction.component
      ? { ...base, interacted_message_id: interaction.component.messageId }
      : { ...base, name: interaction.commandName, command_type: 1 },
  };
}

export function commandPayload(command: CommandRecord) {
  return {
    ...command.data,
    id: command.id,
    application_id: command.applicationId,
    version: command.version,
    type: command.type,
    name: command.name,
    description: command.data.description ?? '',
    default_member_permissions: command.data.default_member_permissions ?? null,
    nsfw: command.data.nsfw ?? false,
    ...(command.guildId ? { guild_id: command.guildId } : {}),
  };
}

/** A member as in interactions: with its permissions in the channel. */
export function interactionMemberPayload(store: Store, member: MemberRecord, channelId: string) {
  return {
    ...memberPayload(store, member),
    permissions: channelPermissions(store, channelId, member.userId).toString(),
  };
}
