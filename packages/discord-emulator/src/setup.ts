import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Core } from './core';
import { EmulatorError } from './errors';
import { guildCreatePayload } from './gateway/guild-create';
import { parseShard } from './gateway/sharding';
import { channelPayload, memberPayload, rolePayload } from './payloads';
import { DEFAULT_EVERYONE_PERMISSIONS } from './permissions';
import type { BotRecord, OverwriteRecord, UserRecord } from './state/types';

/** Permissions as a bitfield or as flag names (`['SendMessages', 'AddReactions']`). */
export type PermissionsInput = bigint | (keyof typeof PermissionFlagsBits)[];

export function toBits(input: PermissionsInput): bigint {
  if (typeof input === 'bigint') return input;
  return input.reduce((bits, name) => {
    const bit = PermissionFlagsBits[name];
    if (bit === undefined)
      throw new EmulatorError('EMU_BAD_PERMISSION', `unknown permission ${name}`);
    return bits | bit;
  }, 0n);
}

/** What the bots' managed role allows by default: everything a quiz bot needs. */
export const DEFAULT_BOT_PERMISSIONS = toBits([
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'AddReactions',
  'ReadMessageHistory',
  'ManageMessages',
  'UseExternalEmojis',
  'UseApplicationCommands',
]);

export interface OverwriteInput {
  /** A role id (the guild id for @everyone) or a user id. */
  id: string;
  type: 'role' | 'member';
  allow?: PermissionsInput;
  deny?: PermissionsInput;
}

export function toOverwrites(list: OverwriteInput[]): OverwriteRecord[] {
  return list.map((o) => ({
    id: o.id,
    type: o.type,
    allow: toBits(o.allow ?? 0n),
    deny: toBits(o.deny ?? 0n),
  }));
}

export function createUser(core: Core, username: string, bot = false): UserRecord {
  const user: UserRecord = { id: core.nextId(), username, globalName: null, bot };
  core.store.users.set(user.id, user);
  return user;
}

export function createBot(
  core: Core,
  input: { username?: string; token?: string; applicationId?: string },
): BotRecord {
  const user = createUser(core, input.username ?? 'quizdeck-bot', true);
  const bot: BotRecord = {
    user,
    applicationId: input.applicationId ?? user.id,
    token: input.token ?? `${Buffer.from(user.id).toString('base64url')}.emulator.${core.nextId()}`,
  };
  core.store.bots.set(user.id, bot);
  return bot;
}

export function addMember(core: Core, guildId: string, userId: string, roles: string[]): void {
  const { store } = core;
  for (const roleId of roles) {
    if (store.roles.get(roleId)?.guildId !== guildId) {
      throw new EmulatorError('EMU_UNKNOWN_ROLE', `no role ${roleId} in guild ${guildId}`);
    }
  }
  const member = { guildId, userId, roles, nick: null, joinedAt: new Date().toISOString() };
  store.members.set(`${guildId}:${userId}`, member);
  const bot = store.bots.get(userId);
  if (bot) {
    // A bot joining a guild gets GUILD_CREATE on its live sessions.
    const guild = store.guild(guildId);
    core.gateway.dispatchToBot(bot, guildId, 'GUILD_CREATE', (session) =>
      guildCreatePayload(store, guild, session),
    );
  }
  core.gateway.dispatchToGuild(guildId, 'GUILD_MEMBER_ADD', () => ({
    ...memberPayload(store, member),
    guild_id: guildId,
  }));
  store.changed();
}

export function createRole(
  core: Core,
  guildId: string,
  input: { name: string; permissions?: PermissionsInput; mentionable?: boolean; color?: number },
  botId: string | null = null,
): string {
  const { store } = core;
  store.guild(guildId);
  const role = {
    id: core.nextId(),
    guildId,
    name: input.name,
    permissions: toBits(input.permissions ?? 0n),
    position: store.guildRoles(guildId).length,
    color: input.color ?? 0,
    mentionable: input.mentionable ?? false,
    botId,
  };
  store.roles.set(role.id, role);
  core.gateway.dispatchToGuild(guildId, 'GUILD_ROLE_CREATE', () => ({
    guild_id: guildId,
    role: rolePayload(role),
  }));
  store.changed();
  return role.id;
}

export function createChannel(
  core: Core,
  guildId: string,
  input: { name: string; topic?: string; overwrites?: OverwriteInput[] },
): string {
  const { store } = core;
  store.guild(guildId);
  const channel = {
    id: core.nextId(),
    guildId,
    name: input.name,
    type: 0,
    position: store.guildChannels(guildId).length,
    topic: input.topic ?? null,
    overwrites: toOverwrites(input.overwrites ?? []),
    lastMessageId: null,
  };
  store.channels.set(channel.id, channel);
  core.gateway.dispatchToGuild(guildId, 'CHANNEL_CREATE', () => channelPayload(channel));
  store.changed();
  return channel.id;
}

export interface GuildInput {
  name: string;
  /** Owner (all permissions); default: a new member named `owner`. */
  ownerId?: string;
  /** @everyone's permissions; default: Discord's usual member permissions. */
  everyonePermissions?: PermissionsInput;
  /** Permissions of the bots' managed role; default `DEFAULT_BOT_PERMISSIONS`. */
  botPermissions?: PermissionsInput;
  /** Bots (user ids) that join; default: every bot of the emulator. */
  bots?: string[];
  /** `[id, count]`: the guild's id puts it on shard `id` of `count` (default: any shard). */
  shard?: readonly [id: number, count: number];
}

export function createGuild(core: Core, input: GuildInput) {
  const { store } = core;
  if (input.shard && parseShard(input.shard) === 'invalid') {
    throw new EmulatorError('EMU_INVALID_SHARD', `no shard ${input.shard[0]} of ${input.shard[1]}`);
  }
  const id = core.nextId(input.shard);
  const ownerId = input.ownerId ?? createUser(core, 'owner').id;
  store.guilds.set(id, { id, name: input.name, ownerId, createdAt: new Date().toISOString() });
  store.roles.set(id, {
    id,
    guildId: id,
    name: '@everyone',
    permissions: toBits(input.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS),
    position: 0,
    color: 0,
    mentionable: false,
    botId: null,
  });
  addMember(core, id, ownerId, []);
  const botRoles: Record<string, string> = {};
  for (const botId of input.bots ?? [...store.bots.keys()]) {
    const bot = store.bots.get(botId);
    if (!bot) throw new EmulatorError('EMU_UNKNOWN_BOT', `no bot with user id ${botId}`);
    const permissions = input.botPermissions ?? DEFAULT_BOT_PERMISSIONS;
    const roleId = createRole(core, id, { name: bot.user.username, permissions }, botId);
    botRoles[botId] = roleId;
    addMember(core, id, botId, [roleId]);
  }
  return { id, name: input.name, ownerId, everyoneRoleId: id, botRoles };
}
