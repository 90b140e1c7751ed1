import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayOpcodes, PermissionFlagsBits } from 'discord-api-types/v10';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { channelPermissions } from '../permissions';
import type { Store } from '../state/store';
import type { BotRecord } from '../state/types';
import { guildCreatePayload } from './guild-create';
import { checkIdentify, readyPayload } from './identify';
import { intentFor } from './intents';
import { guildMembersChunk } from './members-chunk';
import { Session } from './session';
import { type SessionStartLimitOptions, SessionStarts } from './session-starts';
import { GUILDS_PER_RECOMMENDED_SHARD } from './sharding';

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** Privileged intents the application may use; identifying with others closes with 4014. */
  privilegedIntents: number;
  /** Dispatches kept per session for RESUME. */
  maxReplay: number;
  /** `GET /gateway/bot`'s `shards`; `undefined`: one per 1,000 guilds of the bot, as Discord. */
  recommendedShards: number | undefined;
  /** Most guilds one shard may hold; an IDENTIFY for more closes with 4011. */
  maxGuildsPerShard: number;
  sessionStartLimit: SessionStartLimitOptions;
}

/** What happened on the gateway, for tests to assert on. */
export interface GatewayStats {
  identifies: number;
  resumes: number;
  heartbeats: number;
  closes: { code: number; by: 'client' | 'server' }[];
}

interface Connection {
  ws: WebSocket;
  session: Session | null;
  closedByServer: boolean;
}

const VIEW_CHANNEL = PermissionFlagsBits.ViewChannel;

/** Codes after which discord.js identifies anew, so the emulator forgets the session. */
const SESSION_ENDING_CODES = new Set([4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);

export class Gateway {
  readonly sessions = new Map<string, Session>();
  readonly stats: GatewayStats = { identifies: 0, resumes: 0, heartbeats: 0, closes: [] };
  ackHeartbeats = true;
  url = '';
  private readonly sessionStarts: SessionStarts;
  private readonly connections = new Set<Connection>();
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(
    private readonly store: Store,
    private readonly options: GatewayOptions,
  ) {
    this.sessionStarts = new SessionStarts(options.sessionStartLimit);
  }

  /** `GET /gateway/bot` for `bot`. */
  gatewayBot(bot: BotRecord) {
    const guilds = this.store.guildsOf(bot.user.id).length;
    return {
      url: this.url,
      shards:
        this.options.recommendedShards ??
        Math.max(1, Math.ceil(guilds / GUILDS_PER_RECOMMENDED_SHARD)),
      session_start_limit: this.sessionStarts.limit(bot.user.id),
    };
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.replace(/\/$/, '') !== '/gateway') {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url));
  }

  private onConnection(ws: WebSocket, url: URL): void {
    const conn: Connection = { ws, session: null, closedByServer: false };
    this.connections.add(conn);
    ws.on('message', (raw) => this.onMessage(conn, raw));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => ws.terminate());
    const version = url.searchParams.get('v');
    if (version && version !== '10') {
      this.close(conn, 4012, 'Invalid API version.');
      return;
    }
    const encoding = url.searchParams.get('encoding');
    if (encoding && encoding !== 'json') {
      this.close(conn, 4002, 'Error while decoding payload.');
      return;
    }
    if (url.searchParams.has('compress')) {
      this.close(conn, 4000, 'The emulator does not support transport compression.');
      return;
    }
    this.send(ws, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });
  }

  private onClose(conn: Connection, code: number): void {
    this.connections.delete(conn);
    this.stats.closes.push({ code, by: conn.closedByServer ? 'server' : 'client' });
    const session = conn.session;
    if (session && session.socket === conn.ws) {
      session.socket = null;
      if (!conn.closedByServer && (code === 1000 || code === 1001))
        this.sessions.delete(session.id);
    }
    this.store.changed();
  }

  private onMessage(conn: Connection, raw: RawData): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(raw.toString());
    } catch {
      this.close(conn, 4002, 'Error while decoding payload.');
      return;
    }
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.stats.heartbeats += 1;
        if (this.ackHeartbeats) this.send(conn.ws, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.identify(conn, d);
        return;
      case GatewayOpcodes.Resume:
        this.resume(conn, d);
        return;
      case GatewayOpcodes.RequestGuildMembers:
        if (!conn.session) {
          this.close(conn, 4003, 'Not authenticated.');
          return;
        }
        guildMembersChunk(this.store, conn.session, d);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        if (!conn.session) {
          this.close(conn, 4003, 'Not authenticated.');
          return;
        }
        return;
      default:
        this.close(conn, 4001, 'Unknown opcode.');
        return;
    }
  }

  private identify(conn: Connection, d: Record<string, unknown>): void {
    if (conn.session) {
      this.close(conn, 4005, 'Already authenticated.');
      return;
    }
    const accepted = checkIdentify(this.store, this.options, d);
    if ('close' in accepted) {
      this.close(conn, ...accepted.close);
      return;
    }
    const { bot, intents, shard, guilds } = accepted;
    const session = new Session(
      randomBytes(16).toString('hex'),
      bot,
      intents,
      this.options.maxReplay,
      shard,
    );
    session.socket = conn.ws;
    conn.session = session;
    this.sessions.set(session.id, session);
    this.stats.identifies += 1;
    this.sessionStarts.count(bot.user.id);
    session.dispatch('READY', readyPayload(session, guilds, this.url));
    for (const guild of guilds) {
      this.dispatchTo(session, 'GUILD_CREATE', guildCreatePayload(this.store, guild, session));
    }
    this.store.changed();
  }

  private resume(conn: Connection, d: Record<string, unknown>): void {
    const session = this.sessions.get(String(d.session_id ?? ''));
    const token = String(d.token ?? '').replace(/^Bot /, '');
    const missed =
      session?.resumable && session.bot.token === token
        ? session.since(Number(d.seq ?? 0))
        : undefined;
    if (!session || !missed) {
      if (session) this.sessions.delete(session.id);
      this.send(conn.ws, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    const previous = [...this.connections].find((c) => c.ws === session.socket);
    if (previous) this.close(previous, 4000, 'Session resumed elsewhere.');
    session.socket = conn.ws;
    conn.session = session;
    this.stats.resumes += 1;
    for (const payload of missed) this.send(conn.ws, payload);
    session.dispatch('RESUMED', null);
    this.store.changed();
  }

  /**
   * Sends `t` to every session of a bot in `guildId` whose shard holds the guild and whose
   * intents cover it; with `channelId`, only to bots that can view that channel (as Discord does).
   */
  dispatchToGuild(
    guildId: string,
    t: string,
    build: (session: Session) => unknown,
    channelId?: string,
  ): void {
    for (const session of this.sessions.values()) {
      const botId = session.bot.user.id;
      if (!session.holds(guildId) || !this.store.member(guildId, botId)) continue;
      if (channelId && !(channelPermissions(this.store, channelId, botId) & VIEW_CHANNEL)) continue;
      this.dispatchTo(session, t, build(session));
    }
  }

  /** Sends `t` about `guildId` to `bot`'s sessions whose shard holds the guild. */
  dispatchToBot(
    bot: BotRecord,
    guildId: string,
    t: string,
    build: (session: Session) => unknown,
  ): void {
    for (const session of this.sessions.values()) {
      if (session.bot === bot && session.holds(guildId))
        this.dispatchTo(session, t, build(session));
    }
  }

  dispatchTo(session: Session, t: string, d: unknown): void {
    const intent = intentFor(t);
    if (intent !== undefined && (session.intents & intent) === 0) return;
    session.dispatch(t, d);
  }

  /** Kills every socket without a close frame (1006): clients resume. */
  dropConnections(): void {
    for (const conn of this.connections) {
      conn.closedByServer = true;
      conn.ws.terminate();
    }
  }

  closeConnections(code: number, reason = ''): void {
    for (const conn of [...this.connections]) this.close(conn, code, reason);
  }

  /** Sends INVALID_SESSION to every connected session. */
  invalidateSessions(resumable: boolean): void {
    for (const conn of this.connections) {
      if (!conn.session) continue;
      if (!resumable) this.sessions.delete(conn.session.id);
      this.send(conn.ws, { op: GatewayOpcodes.InvalidSession, d: resumable });
    }
  }

  /** Sends op 7 RECONNECT (Discord does so before restarting a gateway node): clients resume. */
  requestReconnect(): void {
    for (const conn of this.connections) {
      if (conn.session) this.send(conn.ws, { op: GatewayOpcodes.Reconnect, d: null });
    }
  }

  connectedSessions(): Session[] {
    return [...this.sessions.values()].filter((s) => s.connected);
  }

  async stop(): Promise<void> {
    for (const conn of this.connections) {
      conn.closedByServer = true;
      conn.ws.terminate();
    }
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private close(conn: Connection, code: number, reason: string): void {
    conn.closedByServer = true;
    if (conn.session && SESSION_ENDING_CODES.has(code)) this.sessions.delete(conn.session.id);
    conn.ws.close(code, reason);
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }
}
