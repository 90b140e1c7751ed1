import { PermissionFlagsBits } from 'discord-api-types/v10';
import { channelPermissions } from '../permissions';
import type { ChannelRecord, GuildRecord, MessageRecord } from '../state/types';
import {
  missingAccess,
  missingPermissions,
  unknownChannel,
  unknownGuild,
  unknownMessage,
} from './api-error';
import { type ApiRequest, botOf, param } from './route';

/** The `:channelId` channel, if the bot can see it (10003 / 50001 otherwise). */
export function channelFor(req: ApiRequest): ChannelRecord {
  const channel = req.core.store.channels.get(param(req, 'channelId'));
  if (!channel) throw unknownChannel();
  if (!req.core.store.member(channel.guildId, botOf(req).user.id)) throw missingAccess();
  return channel;
}

export function guildFor(req: ApiRequest): GuildRecord {
  const guild = req.core.store.guilds.get(param(req, 'guildId'));
  if (!guild || !req.core.store.member(guild.id, botOf(req).user.id)) throw unknownGuild();
  return guild;
}

/** 50001 without View Channel, 50013 when any of `required` is missing in the channel. */
export function requirePermissions(
  req: ApiRequest,
  channel: ChannelRecord,
  required: bigint,
): void {
  const perms = channelPermissions(req.core.store, channel.id, botOf(req).user.id);
  if (!(perms & PermissionFlagsBits.ViewChannel)) throw missingAccess();
  if ((perms & required) !== required) throw missingPermissions();
}

/** A live, non-ephemeral message of the channel (10008 otherwise). */
export function messageIn(req: ApiRequest, channel: ChannelRecord): MessageRecord {
  const message = req.core.store.messages.get(param(req, 'messageId'));
  if (!message || message.deleted || message.ephemeral || message.channelId !== channel.id) {
    throw unknownMessage();
  }
  return message;
}
