import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCommandInteraction, type RunCommandInput } from './actions/interactions';
import { CommandRun } from './command-run';
import type { Core } from './core';
import { EmulatorError } from './errors';
import { Gateway, type GatewayStats } from './gateway/gateway';
import { PRIVILEGED_INTENTS } from './gateway/intents';
import { MAX_GUILDS_PER_SHARD } from './gateway/sharding';
import { Holds } from './http/holds';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitOptions } from './http/rate-limiter';
import { allRoutes } from './http/routes';
import { handleRest, type RequestLogEntry } from './http/server';
import { ServerErrors } from './http/server-errors';
import { RateLimitControl } from './rate-limit-control';
import { ScenarioComponents } from './scenario-components';
import { ScenarioSetup } from './scenario-setup';
import { createSnowflakes } from './snowflake';
import { Store } from './state/store';
import type { BotRecord } from './state/types';
import { type RecordedMessage, recordedMessage } from './views';
import { type WaitOptions, waitFor } from './wait-for';

export interface EmulatorOptions {
  /** Bots to create; the first is `emu.bot`. Default: one bot named `quizdeck-bot`. */
  bots?: { username?: string; token?: string; applicationId?: string }[];
  /** HELLO's `heartbeat_interval` (Discord: 41250 ms). Short values make zombie tests fast. */
  heartbeatIntervalMs?: number;
  rateLimits?: Partial<RateLimitOptions>;
  /** Time the bot has for its first interaction callback (Discord: 3000 ms). */
  interactionTimeoutMs?: number;
  /** `runCommand` refuses commands the bot did not register (default true). */
  requireRegisteredCommands?: boolean;
  /** Privileged intents the application may use (default: all three). */
  privilegedIntents?: number;
  /** Dispatches kept per session for RESUME (default 1000). */
  maxReplay?: number;
  /** Listening port on 127.0.0.1 (default 0: a free one). */
  port?: number;
  /**
   * How long a message's nonce keeps a create with `enforce_nonce` from repeating it (Discord:
   * "the past few minutes"; default 5 minutes).
   */
  nonceWindowMs?: number;
  /**
   * `GET /gateway/bot`'s `shards` (what discord.js's `shards: 'auto'` runs). Default: one per
   * 1,000 guilds of the bot, at least 1, as Discord recommends.
   */
  recommendedShards?: number;
  /**
   * Most guilds one shard may hold: an IDENTIFY whose shard (or an unsharded one) would hold more
   * closes with 4011 Sharding required (Discord: 2,500).
   */
  maxGuildsPerShard?: number;
  /**
   * `session_start_limit` of `GET /gateway/bot` (Discord: 1000 IDENTIFYs a day, concurrency 1):
   * `remaining` counts down with every IDENTIFY; discord.js refuses to start more shards than
   * remain.
   */
  sessionStartLimit?: { total?: number; maxConcurrency?: number; resetAfterMs?: number };
}

/** The bot identity to hand to discord.js. */
export interface EmulatedBot {
  id: string;
  username: string;
  token: string;
  applicationId: string;
}

const toBot = (b: BotRecord): EmulatedBot => ({
  id: b.user.id,
  username: b.user.username,
  token: b.token,
  applicationId: b.applicationId,
});

/** A local Discord (API v10 REST + JSON gateway) that real discord.js clients connect to. */
export class DiscordEmulator extends ScenarioComponents {
  /** Pass as `new Client({ rest: { api: emu.restUrl } })`; discord.js appends `/v10`. */
  readonly restUrl: string;
  readonly gatewayUrl: string;
  readonly bot: EmulatedBot;
  readonly bots: EmulatedBot[];
  /** Every REST request, in arrival order. */
  readonly requests: RequestLogEntry[];
  readonly rateLimits: RateLimitControl;
  /** Inject 5xx answers (a lost answer to a create included), read the ones given. */
  readonly serverErrors: ServerErrors;
  /** Hold requests, or only their answers, until the test releases them. */
  readonly holds: Holds;

  private constructor(
    core: Core,
    private readonly server: Server,
    port: number,
    requests: RequestLogEntry[],
  ) {
    super(core);
    this.restUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    core.gateway.url = this.gatewayUrl;
    this.bots = [...core.store.bots.values()].map(toBot);
    const first = this.bots[0];
    if (!first) throw new EmulatorError('EMU_NO_BOT', 'the emulator needs at least one bot');
    this.bot = first;
    this.requests = requests;
    this.rateLimits = new RateLimitControl(core.rateLimiter, first.id);
    this.serverErrors = core.serverErrors;
    this.holds = core.holds;
  }

  static async start(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
    const store = new Store();
    const rateLimiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits });
    const gateway = new Gateway(store, {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: options.privilegedIntents ?? PRIVILEGED_INTENTS,
      maxReplay: options.maxReplay ?? 1000,
      recommendedShards: options.recommendedShards,
      maxGuildsPerShard: options.maxGuildsPerShard ?? MAX_GUILDS_PER_SHARD,
      sessionStartLimit: {
        total: options.sessionStartLimit?.total ?? 1000,
        maxConcurrency: options.sessionStartLimit?.maxConcurrency ?? 1,
        resetAfterMs: options.sessionStartLimit?.resetAfterMs ?? 86_400_000,
      },
    });
    const core: Core = {
      store,
      gateway,
      rateLimiter,
      serverErrors: new ServerErrors(),
      holds: new Holds(),
      nextId: createSnowflakes(),
      options: {
        interactionTimeoutMs: options.interactionTimeoutMs ?? 3000,
        requireRegisteredCommands: options.requireRegisteredCommands ?? true,
        nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
      },
    };
    for (const bot of options.bots?.length ? options.bots : [{}]) ScenarioSetup.addBot(core, bot);
    const requests: RequestLogEntry[] = [];
    const routes = allRoutes(() => gateway.url);
    const server = createServer((req, res) => {
      handleRest(core, routes, requests, req, res).catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `emulator error: ${String(error)}`, code: 0 }));
      });
    });
    server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new DiscordEmulator(core, server, port, requests);
  }

  /**
   * Options to spread into `new Client({ intents, ...emu.clientOptions() })`: the REST base URL
   * and an identify throttler that does not wait discord.js's 5 s between identifies.
   */
  clientOptions(): {
    rest: { api: string };
    ws: { buildIdentifyThrottler: () => { waitForIdentify: () => Promise<void> } };
  } {
    return {
      rest: { api: this.restUrl },
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
    };
  }

  /** A member runs a slash command (INTERACTION_CREATE to `bot`'s sessions, default `emu.bot`). */
  runCommand(input: RunCommandInput, botId = this.bot.id): CommandRun {
    const bot = this.core.store.bots.get(botId);
    if (!bot) throw new EmulatorError('EMU_UNKNOWN_BOT', `no bot with user id ${botId}`);
    return new CommandRun(this.core.store, buildCommandInteraction(this.core, bot, input));
  }

  /**
   * Messages of a channel, oldest first (ephemeral ones included, deleted ones on request); with
   * `after`, only those posted after that message id (a cheap poll for new ones: reading every
   * message copies every reaction's users).
   */
  messages(
    channelId: string,
    options: { includeDeleted?: boolean; after?: string } = {},
  ): RecordedMessage[] {
    this.core.store.channel(channelId);
    let list = this.core.store.channelMessages(channelId);
    if (options.after !== undefined) {
      const at = list.findIndex((m) => m.id === options.after);
      if (at >= 0) list = list.slice(at + 1);
    }
    return list.filter((m) => options.includeDeleted || !m.deleted).map(recordedMessage);
  }

  message(messageId: string): RecordedMessage {
    return recordedMessage(this.core.store.message(messageId));
  }

  /** Resolves with the first truthy `probe()`, re-evaluated on every state change. */
  waitFor<T>(probe: () => T | undefined | null | false, options?: WaitOptions): Promise<T> {
    return waitFor(this.core.store, probe, options);
  }

  /** The first message in the channel (newest state) that `match` accepts. */
  waitForMessage(
    channelId: string,
    match: (m: RecordedMessage) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<RecordedMessage> {
    return this.waitFor(() => this.messages(channelId).find(match), {
      description: `a message in channel ${channelId}`,
      ...options,
    });
  }

  /** Waits until `botId` (default `emu.bot`) has a connected, identified session. */
  waitForReady(botId = this.bot.id, options: WaitOptions = {}): Promise<true> {
    return this.waitFor(
      () => this.core.gateway.connectedSessions().some((s) => s.bot.user.id === botId),
      { description: `bot ${botId} to connect`, ...options },
    );
  }

  /** Gateway sessions (live and resumable); `shard` is IDENTIFY's, `null` when it sent none. */
  sessions() {
    return [...this.core.gateway.sessions.values()].map((s) => ({
      id: s.id,
      botId: s.bot.user.id,
      intents: s.intents,
      seq: s.seq,
      connected: s.connected,
      shard: s.shard,
    }));
  }

  get gatewayStats(): GatewayStats {
    return this.core.gateway.stats;
  }

  /** Kills every gateway socket without a close frame (1006); sessions stay resumable. */
  dropConnections(): void {
    this.core.gateway.dropConnections();
  }

  /** Closes every gateway socket with `code` (4007, 4009 and fatal codes also end the session). */
  closeConnections(code = 4000, reason = ''): void {
    this.core.gateway.closeConnections(code, reason);
  }

  /** Sends INVALID_SESSION (op 9) with `d: resumable` to every connected session. */
  invalidateSession(options: { resumable?: boolean } = {}): void {
    this.core.gateway.invalidateSessions(options.resumable ?? false);
  }

  /** Sends op 7 RECONNECT to every connected session; discord.js reconnects and resumes. */
  requestReconnect(): void {
    this.core.gateway.requestReconnect();
  }

  /** Stop (false) or resume (true) answering heartbeats, for zombie-connection tests. */
  setHeartbeatAcks(ack: boolean): void {
    this.core.gateway.ackHeartbeats = ack;
  }

  async stop(): Promise<void> {
    this.core.holds.releaseAll();
    await this.core.gateway.stop();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
