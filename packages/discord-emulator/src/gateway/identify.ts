import { userPayload } from '../payloads';
import type { Store } from '../state/store';
import type { BotRecord, GuildRecord } from '../state/types';
import { PRIVILEGED_INTENTS } from './intents';
import type { Session } from './session';
import { onShard, parseShard, type ShardTuple, UNSHARDED } from './sharding';

/** An IDENTIFY Discord accepts: the session it opens and the guilds its READY lists. */
export interface AcceptedIdentify {
  bot: BotRecord;
  intents: number;
  shard: ShardTuple | null;
  guilds: GuildRecord[];
}

/** An IDENTIFY Discord refuses: the close code and reason it sends. */
export interface RefusedIdentify {
  close: readonly [code: number, reason: string];
}

export interface IdentifyLimits {
  /** Privileged intents the application may use. */
  privilegedIntents: number;
  /** Most guilds one shard may hold. */
  maxGuildsPerShard: number;
}

/** Checks an IDENTIFY's token, intents and shard in the order Discord closes for them. */
export function checkIdentify(
  store: Store,
  limits: IdentifyLimits,
  d: Record<string, unknown>,
): AcceptedIdentify | RefusedIdentify {
  const token = String(d.token ?? '').replace(/^Bot /, '');
  const bot = store.botByToken(token);
  if (!bot) return { close: [4004, 'Authentication failed.'] };
  const intents = d.intents;
  if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) {
    return { close: [4013, 'Invalid intent(s).'] };
  }
  if (intents & PRIVILEGED_INTENTS & ~limits.privilegedIntents) {
    return { close: [4014, 'Disallowed intent(s).'] };
  }
  const shard = parseShard(d.shard);
  if (shard === 'invalid') return { close: [4010, 'Invalid shard.'] };
  const guilds = store.guildsOf(bot.user.id).filter((g) => onShard(g.id, shard ?? UNSHARDED));
  if (guilds.length > limits.maxGuildsPerShard) return { close: [4011, 'Sharding required.'] };
  return { bot, intents, shard, guilds };
}

/** READY for a new session: its guilds unavailable until their GUILD_CREATE follows. */
export function readyPayload(session: Session, guilds: GuildRecord[], resumeUrl: string) {
  const { bot, shard } = session;
  return {
    v: 10,
    user: { ...userPayload(bot.user), verified: true, mfa_enabled: false, email: null },
    guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: session.id,
    resume_gateway_url: resumeUrl,
    session_type: 'normal',
    application: { id: bot.applicationId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    ...(shard ? { shard } : {}),
    _trace: ['quizdeck-discord-emulator'],
  };
}
