import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Store } from './state/store';

export const ALL_PERMISSIONS: bigint = Object.values(PermissionFlagsBits).reduce(
  (all, bit) => all | bit,
  0n,
);

/** What a new guild's @everyone role may do (a subset of Discord's defaults). */
export const DEFAULT_EVERYONE_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak;

/** Guild-level permissions: owner and Administrator get everything. */
export function guildPermissions(store: Store, guildId: string, userId: string): bigint {
  const guild = store.guild(guildId);
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const member = store.member(guildId, userId);
  if (!member) return 0n;
  let perms = store.roles.get(guildId)?.permissions ?? 0n;
  for (const roleId of member.roles) perms |= store.roles.get(roleId)?.permissions ?? 0n;
  return perms & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : perms;
}

/** Discord's overwrite algorithm: @everyone, then the member's roles together, then the member. */
export function channelPermissions(store: Store, channelId: string, userId: string): bigint {
  const channel = store.channel(channelId);
  let perms = guildPermissions(store, channel.guildId, userId);
  if (perms === ALL_PERMISSIONS) return perms;
  const member = store.member(channel.guildId, userId);
  if (!member) return 0n;
  const everyone = channel.overwrites.find((o) => o.id === channel.guildId);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of channel.overwrites) {
    if (o.type === 'role' && member.roles.includes(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const own = channel.overwrites.find((o) => o.type === 'member' && o.id === userId);
  if (own) perms = (perms & ~own.deny) | own.allow;
  if (!(perms & PermissionFlagsBits.ViewChannel)) return 0n;
  if (!(perms & PermissionFlagsBits.SendMessages)) {
    perms &= ~(
      PermissionFlagsBits.MentionEveryone |
      PermissionFlagsBits.SendTTSMessages |
      PermissionFlagsBits.AttachFiles |
      PermissionFlagsBits.EmbedLinks
    );
  }
  return perms;
}

/** Names of the flags in `required` that `perms` lacks, e.g. `['AddReactions']`. */
export function missingPermissions(perms: bigint, required: bigint): string[] {
  return Object.entries(PermissionFlagsBits)
    .filter(([, bit]) => required & bit && !(perms & bit))
    .map(([name]) => name);
}
