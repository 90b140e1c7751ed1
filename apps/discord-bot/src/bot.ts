import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import { type BankCatalog, loadBankCatalog } from './banks/bank-catalog';
import { watchBanks } from './banks/watch-banks';
import { openStore } from './db/open-store';
import type { Store } from './db/store';
import { DiscordIo } from './discord/discord-io';
import { gatewayReaction } from './discord/gateway-reactions';
import { routeInteraction } from './discord/interaction-router';
import {
  describeShards,
  holdsGuild,
  plannedShards,
  runningShards,
  shardClientOptions,
} from './discord/shard-set';
import { explainStartupError } from './discord/startup-errors';
import type { BotConfig } from './env';
import type { LeaseLostError } from './errors';
import { leasedOwnership } from './leases/leased-ownership';
import { ShardLeases } from './leases/shard-leases';
import { createLogger, type Logger } from './log';
import { emojiLetter } from './quiz/letters';
import { QuizEngine } from './quiz/quiz-engine';
import type { ReviewContext } from './review/member-review';
import { ReviewDigest } from './review/review-digest';

export interface Bot {
  client: Client;
  engine: QuizEngine;
  store: Store;
  catalog: BankCatalog;
  log: Logger;
  /**
   * On PostgreSQL first takes the leases of its shards (waiting while another process holds
   * one); logs in, waits for READY, then resumes the quizzes of its shards the database says are
   * running.
   */
  start(): Promise<void>;
  /**
   * Graceful: each quiz finishes the step under way (no half-posted question), for at most
   * `graceMs`, then the bot disconnects and closes the store. Running quizzes stay in it and
   * resume on the next start.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface BotOptions {
  log?: Logger;
  /**
   * discord.js waits 5 s between identifies of a shard, as Discord asks; tests against the
   * emulator re-identify at once.
   */
  throttleIdentify?: boolean;
  /**
   * After a shard's lease was lost (the process was paused, or could not reach the database for
   * most of a TTL) the bot has stopped its quizzes and disconnected; the program exits, for its
   * supervisor to start it again as a process waiting for the leases.
   */
  onLeaseLost?: (err: LeaseLostError) => void;
  /**
   * The time of what the store is stamped with (grades, reviews, sessions' start and end, settings)
   * and of the daily review line (epoch ms; default `Date.now`). Tests move it to bring reviews due
   * without waiting; quiz timers keep real time.
   */
  clock?: () => number;
}

/** Opens the store (its schema brought up to date) and sets the bot up; `start` connects it. */
export async function createBot(config: BotConfig, options: BotOptions = {}): Promise<Bot> {
  const log = options.log ?? createLogger(config.log, config.secrets);
  const clock = options.clock ?? Date.now;
  const catalog = loadBankCatalog(config.banksDir);
  for (const p of catalog.problems) log.error(`bank: ${p}`);
  const store = await openStore(config.db);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    ...shardClientOptions(config.shards),
    // No partials and no message cache: discord.js then skips members' reaction events, which
    // the bot reads from the raw packets (see gatewayReaction).
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
    ...(options.throttleIdentify === false
      ? { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } }
      : {}),
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (m) => m.id === m.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (u) => u.id === u.client.user.id },
    }),
  });
  // PostgreSQL: the leases of this process's shards, taken in start().
  let leases: ShardLeases | undefined;
  // Their own connection: a renewal never queues behind the quizzes' statements in the pool.
  let leaseStore: Store | undefined;
  let shardCount = 1;
  const io = new DiscordIo(client);
  const engine = new QuizEngine({
    store,
    io,
    ...(store.backend === 'postgres'
      ? {
          ownership: leasedOwnership(
            store,
            () => leases,
            () => shardCount,
          ),
        }
      : {}),
    catalog,
    timeScale: config.timeScale,
    revealPauseMs: config.revealPauseMs,
    log,
    clock,
  });

  const onPacket = (packet: { t?: string | null; d?: unknown }) => {
    const r = gatewayReaction(packet);
    if (!r) return;
    if (r.kind !== 'clear') engine.onReaction(r.kind, r);
    else if (r.emoji === undefined) engine.tracker.clear(r.messageId);
    else {
      const letter = emojiLetter(r.emoji);
      if (letter) engine.tracker.clear(r.messageId, letter);
    }
  };
  const review: ReviewContext = {
    reviews: store.reviews,
    catalog,
    clock,
    scoring: async (guildId) => (await store.settings(guildId)).defaultScoring,
  };
  client.on(
    Events.InteractionCreate,
    (i) => void routeInteraction(i, { engine, catalog, review }, log),
  );
  let digestTimer: NodeJS.Timeout | undefined;
  let stopWatching = () => {};
  const identified = new Set<number>();
  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }, shardId: number) => {
    onPacket(packet);
    if (packet.t !== 'READY') return;
    // A shard's new gateway session rather than a resume: reaction events in between may be lost
    // for good.
    if (identified.has(shardId)) {
      log.info('new gateway session; open rounds will be checked over REST before grading');
      engine.tracker.distrustAll();
    }
    identified.add(shardId);
  });
  client.on(Events.ShardResume, (shard) => log.debug(`shard ${shard}: resumed`));
  // discord.js emits it only for close codes it never recovers from (4010, 4011, 4014, ...).
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.error(`shard ${shard}: disconnected for good (close ${event.code}); restart the bot`),
  );
  client.on(Events.Error, (err) => log.error('client error', err));

  return {
    client,
    engine,
    store,
    catalog,
    log,
    async start() {
      if (store.backend === 'postgres') {
        const planned = await plannedShards(client, config.shards, config.token).catch(
          (err: unknown) => {
            throw explainStartupError(err, config.apiUrl);
          },
        );
        shardCount = planned.count;
        leaseStore = await openStore(config.db, { connections: 1 });
        leases = await ShardLeases.acquire(leaseStore, planned.ids, config.leaseTtlMs, log);
        leases.onLost((err) => {
          log.error('stopping: another process runs these shards now, or will');
          clearInterval(digestTimer);
          void engine
            .halt()
            .then(() => client.destroy())
            .then(() => leaseStore?.close())
            .finally(() => options.onLeaseLost?.(err));
        });
      }
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => resolve()),
      );
      await client.login(config.token).catch((err: unknown) => {
        throw explainStartupError(err, config.apiUrl);
      });
      await ready;
      const shards = runningShards(client);
      log.info(
        `logged in as ${client.user?.tag ?? '?'}; ${describeShards(shards)}; ${catalog.banks.size} bank(s)`,
      );
      stopWatching = watchBanks(catalog, config.banksPollMs, log);
      const digest = new ReviewDigest({
        ctx: review,
        post: (channelId, content) => io.send(channelId, [{ content }]),
        holds: (guildId) => holdsGuild(shards, guildId),
        log,
      });
      digestTimer = setInterval(() => void digest.tick(), config.digestPollMs);
      // Quizzes of guilds on other shards belong to the processes running those shards.
      await engine.resumeAll((guildId) => holdsGuild(shards, guildId));
    },
    async stop(graceMs = 20_000) {
      stopWatching();
      clearInterval(digestTimer);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), graceMs);
      });
      if ((await Promise.race([engine.drain(), late])) === 'late') {
        log.info(`shutdown: quizzes still busy after ${graceMs} ms; stopping them where they are`);
      }
      clearTimeout(timer);
      await engine.halt();
      await client.destroy();
      await leases?.release();
      await leaseStore?.close();
      await store.close();
    },
  };
}
