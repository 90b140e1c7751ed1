import { randomBytes } from 'node:crypto';
import type { Core } from '../core';
import { EmulatorError } from '../errors';
import { channelPayload, interactionMemberPayload, rolePayload, userPayload } from '../payloads';
import { channelPermissions } from '../permissions';
import type { BotRecord, CommandRecord, InteractionRecord } from '../state/types';

export type OptionValue = string | number | boolean;

export interface RunCommandInput {
  guildId: string;
  channelId: string;
  userId: string;
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
}

interface OptionSchema {
  name?: unknown;
  type?: unknown;
  options?: unknown;
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const USER = 6;
const CHANNEL = 7;
const ROLE = 8;
const NUMBER = 10;

const children = (o: OptionSchema | undefined): OptionSchema[] =>
  Array.isArray(o?.options) ? (o.options as OptionSchema[]) : [];

function findCommand(core: Core, bot: BotRecord, guildId: string, name: string) {
  const commands = [...core.store.commands.values()].filter(
    (c) => c.applicationId === bot.applicationId && c.name === name && c.type === 1,
  );
  return commands.find((c) => c.guildId === guildId) ?? commands.find((c) => c.guildId === null);
}

/** The option schemas at the level of the invoked (sub)command. */
function leafSchemas(command: CommandRecord | undefined, input: RunCommandInput): OptionSchema[] {
  let level = children(command?.data as OptionSchema | undefined);
  if (input.subcommandGroup) {
    level = children(level.find((o) => o.name === input.subcommandGroup));
  }
  if (input.subcommand) level = children(level.find((o) => o.name === input.subcommand));
  return level;
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return BOOLEAN;
  if (typeof value === 'number') return Number.isInteger(value) ? INTEGER : NUMBER;
  return STRING;
}

/** Builds the INTERACTION_CREATE payload of a member running a slash command. */
export function buildCommandInteraction(
  core: Core,
  bot: BotRecord,
  input: RunCommandInput,
): InteractionRecord {
  const { store } = core;
  const channel = store.channel(input.channelId);
  if (channel.guildId !== input.guildId) {
    throw new EmulatorError(
      'EMU_BAD_SCENARIO',
      `channel ${channel.id} is not in guild ${input.guildId}`,
    );
  }
  store.requireMember(input.guildId, input.userId);
  const command = findCommand(core, bot, input.guildId, input.name);
  if (!command && core.options.requireRegisteredCommands) {
    throw new EmulatorError(
      'EMU_COMMAND_NOT_REGISTERED',
      `the bot registered no /${input.name} command (global or in guild ${input.guildId})`,
    );
  }
  const schemas = leafSchemas(command, input);
  const resolved = {
    users: {} as Record<string, unknown>,
    members: {} as Record<string, unknown>,
    roles: {} as Record<string, unknown>,
    channels: {} as Record<string, unknown>,
  };
  const options = Object.entries(input.options ?? {}).map(([name, value]) => {
    const schema = schemas.find((s) => s.name === name);
    const type = typeof schema?.type === 'number' ? schema.type : inferType(value);
    const id = String(value);
    if (type === USER) {
      resolved.users[id] = userPayload(store.user(id));
      const m = store.member(input.guildId, id);
      if (m) {
        const { user: _user, ...rest } = interactionMemberPayload(store, m, channel.id);
        resolved.members[id] = rest;
      }
    } else if (type === ROLE) {
      const role = store.roles.get(id);
      if (role) resolved.roles[id] = rolePayload(role);
    } else if (type === CHANNEL) {
      resolved.channels[id] = { ...channelPayload(store.channel(id)), permissions: '0' };
    }
    return { name, type, value: type === USER || type === ROLE || type === CHANNEL ? id : value };
  });
  let dataOptions: unknown[] = options;
  if (input.subcommand) dataOptions = [{ name: input.subcommand, type: SUBCOMMAND, options }];
  if (input.subcommandGroup) {
    dataOptions = [{ name: input.subcommandGroup, type: SUBCOMMAND_GROUP, options: dataOptions }];
  }
  const hasResolved = Object.values(resolved).some((r) => Object.keys(r).length > 0);
  return startInteraction(core, bot, {
    type: 2,
    channelId: channel.id,
    userId: input.userId,
    commandName: input.name,
    component: null,
    data: {
      id: command?.id ?? core.nextId(),
      name: input.name,
      type: 1,
      ...(command?.guildId ? { guild_id: command.guildId } : {}),
      options: dataOptions,
      ...(hasResolved ? { resolved } : {}),
    },
  });
}

export interface InteractionStart {
  type: number;
  channelId: string;
  userId: string;
  commandName: string;
  component: InteractionRecord['component'];
  data: Record<string, unknown>;
  /** Extra top-level fields (a component interaction's `message`). */
  extra?: Record<string, unknown>;
}

/**
 * Records an interaction of a guild member and dispatches its INTERACTION_CREATE (guild, channel,
 * member with channel permissions, app_permissions, a fresh token) to the bot's sessions.
 */
export function startInteraction(
  core: Core,
  bot: BotRecord,
  start: InteractionStart,
): InteractionRecord {
  const { store } = core;
  const channel = store.channel(start.channelId);
  const guildId = channel.guildId;
  const member = store.requireMember(guildId, start.userId);
  const id = core.nextId();
  const token = `emu.${randomBytes(24).toString('base64url')}`;
  const payload = {
    id,
    application_id: bot.applicationId,
    type: start.type,
    token,
    version: 1,
    data: start.data,
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US', features: [] },
    channel_id: channel.id,
    channel: channelPayload(channel),
    member: interactionMemberPayload(store, member, channel.id),
    app_permissions: channelPermissions(store, channel.id, bot.user.id).toString(),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
    ...start.extra,
  };
  const record: InteractionRecord = {
    id,
    type: start.type,
    token,
    applicationId: bot.applicationId,
    guildId,
    channelId: channel.id,
    userId: start.userId,
    commandName: start.commandName,
    component: start.component,
    payload,
    createdAt: Date.now(),
    callbacks: [],
    originalMessageId: null,
    followUpIds: [],
  };
  store.interactions.set(id, record);
  core.gateway.dispatchToBot(bot, guildId, 'INTERACTION_CREATE', () => payload);
  store.changed();
  return record;
}
