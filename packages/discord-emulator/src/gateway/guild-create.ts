import { GatewayIntentBits } from 'discord-api-types/v10';
import { channelPayload, guildPayload, memberPayload } from '../payloads';
import type { Store } from '../state/store';
import type { GuildRecord } from '../state/types';
import type { Session } from './session';

/**
 * GUILD_CREATE as a session sees it: members are the bot itself plus, with the privileged
 * Guild Members intent, everyone.
 */
export function guildCreatePayload(store: Store, guild: GuildRecord, session: Session) {
  const allMembers = (session.intents & GatewayIntentBits.GuildMembers) !== 0;
  const members = store
    .guildMembers(guild.id)
    .filter((m) => allMembers || m.userId === session.bot.user.id);
  const me = store.member(guild.id, session.bot.user.id);
  return {
    ...guildPayload(store, guild),
    joined_at: me?.joinedAt ?? guild.createdAt,
    large: false,
    unavailable: false,
    member_count: store.guildMembers(guild.id).length,
    members: members.map((m) => memberPayload(store, m)),
    channels: store.guildChannels(guild.id).map(channelPayload),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
  };
}
