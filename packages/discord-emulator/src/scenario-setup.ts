import type { Core } from './core';
import { EmulatorError } from './errors';
import { channelPayload, memberPayload, rolePayload } from './payloads';
import {
  addMember,
  createBot,
  createChannel,
  createGuild,
  createRole,
  createUser,
  type GuildInput,
  type OverwriteInput,
  type PermissionsInput,
  toBits,
  toOverwrites,
} from './setup';
import type { BotRecord } from './state/types';

export interface CreatedGuild {
  id: string;
  name: string;
  ownerId: string;
  /** The @everyone role (its id is the guild id). */
  everyoneRoleId: string;
  /** Managed role of each bot, by bot user id. */
  botRoles: Record<string, string>;
}

export interface CreatedMember {
  id: string;
  username: string;
  guildId: string;
}

/** Guilds, channels, roles and members; changes are dispatched to connected bots. */
export class ScenarioSetup {
  constructor(protected readonly core: Core) {}

  static addBot(
    core: Core,
    input: { username?: string; token?: string; applicationId?: string },
  ): BotRecord {
    return createBot(core, input);
  }

  createGuild(input: GuildInput): CreatedGuild {
    return createGuild(this.core, input);
  }

  createChannel(
    guildId: string,
    input: { name: string; topic?: string; overwrites?: OverwriteInput[] },
  ): { id: string; name: string; guildId: string } {
    return { id: createChannel(this.core, guildId, input), name: input.name, guildId };
  }

  createRole(
    guildId: string,
    input: { name: string; permissions?: PermissionsInput; mentionable?: boolean; color?: number },
  ): { id: string; name: string; guildId: string } {
    return { id: createRole(this.core, guildId, input), name: input.name, guildId };
  }

  /** A new user who joins the guild (or an existing user, with `userId`). */
  createMember(
    guildId: string,
    input: { username?: string; userId?: string; roles?: string[]; bot?: boolean },
  ): CreatedMember {
    const user = input.userId
      ? this.core.store.user(input.userId)
      : createUser(this.core, input.username ?? 'member', input.bot ?? false);
    addMember(this.core, guildId, user.id, input.roles ?? []);
    return { id: user.id, username: user.username, guildId };
  }

  /** Replaces a channel's permission overwrites (CHANNEL_UPDATE). */
  setChannelOverwrites(channelId: string, overwrites: OverwriteInput[]): void {
    const channel = this.core.store.channel(channelId);
    channel.overwrites = toOverwrites(overwrites);
    this.core.gateway.dispatchToGuild(channel.guildId, 'CHANNEL_UPDATE', () =>
      channelPayload(channel),
    );
    this.core.store.changed();
  }

  /** Changes a role (GUILD_ROLE_UPDATE); `roleId` = guild id edits @everyone. */
  updateRole(
    roleId: string,
    input: { name?: string; permissions?: PermissionsInput; mentionable?: boolean },
  ): void {
    const role = this.core.store.roles.get(roleId);
    if (!role) throw new EmulatorError('EMU_UNKNOWN_ROLE', `no role with id ${roleId}`);
    if (input.name !== undefined) role.name = input.name;
    if (input.permissions !== undefined) role.permissions = toBits(input.permissions);
    if (input.mentionable !== undefined) role.mentionable = input.mentionable;
    this.core.gateway.dispatchToGuild(role.guildId, 'GUILD_ROLE_UPDATE', () => ({
      guild_id: role.guildId,
      role: rolePayload(role),
    }));
    this.core.store.changed();
  }

  /** Replaces a member's roles (GUILD_MEMBER_UPDATE). */
  setMemberRoles(guildId: string, userId: string, roles: string[]): void {
    const member = this.core.store.requireMember(guildId, userId);
    member.roles = [...roles];
    this.core.gateway.dispatchToGuild(guildId, 'GUILD_MEMBER_UPDATE', () => ({
      ...memberPayload(this.core.store, member),
      guild_id: guildId,
    }));
    this.core.store.changed();
  }
}
