import {
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  ShardClientUtil,
  Status,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DiscordEmulator, type EmulatorOptions } from '../src/index';

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.GuildMessageReactions,
];

let emu: DiscordEmulator | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
  await emu?.stop();
  emu = undefined;
});

/** An emulator with one guild (a channel, a member) on each of `shards`. */
async function world(
  options: EmulatorOptions = {},
  shards: [number, number][] = [
    [0, 2],
    [1, 2],
  ],
) {
  const e = await DiscordEmulator.start({ requireRegisteredCommands: false, ...options });
  emu = e;
  const guilds = shards.map((shard, i) => {
    const { id } = e.createGuild({ name: `g${i}`, shard });
    const channelId = e.createChannel(id, { name: 'quiz' }).id;
    return { id, channelId, memberId: e.createMember(id, { username: `m${i}` }).id };
  });
  return { e, guilds };
}

interface Seen {
  t: string;
  guildId: string | undefined;
  shardId: number;
  d: Record<string, unknown>;
}

/** A discord.js client with `options`, logged in, and every dispatch it got since it connected. */
function newClient(e: DiscordEmulator, options: Partial<ClientOptions>) {
  const client = new Client({ intents: INTENTS, ...e.clientOptions(), ...options });
  clients.push(client);
  const seen: Seen[] = [];
  client.on(
    Events.Raw,
    (packet: { t: string | null; d: Record<string, unknown> | null }, shardId) => {
      if (!packet.t) return;
      const d = packet.d ?? {};
      const guildId = packet.t === 'GUILD_CREATE' ? d.id : d.guild_id;
      seen.push({ t: packet.t, guildId: guildId as string | undefined, shardId, d });
    },
  );
  return { client, seen };
}

async function connected(e: DiscordEmulator, options: Partial<ClientOptions>) {
  const c = newClient(e, options);
  const ready = new Promise((resolve) => c.client.once(Events.ClientReady, resolve));
  await c.client.login(e.bot.token);
  await ready;
  return c;
}

/** What a client saw after READY, as `EVENT guild-name`. */
const events = (seen: Seen[], names: Record<string, string>) =>
  seen.filter((s) => s.t !== 'READY').map((s) => `${s.t} ${names[s.guildId ?? ''] ?? '-'}`);

async function post(client: Client, channelId: string, content: string) {
  const channel = client.channels.cache.get(channelId);
  if (!channel?.isSendable()) throw new Error(`channel ${channelId} not cached`);
  return channel.send(content);
}

async function gatewayBot(e: DiscordEmulator) {
  const res = await fetch(`${e.restUrl}/v10/gateway/bot`, {
    headers: { Authorization: `Bot ${e.bot.token}` },
  });
  return (await res.json()) as {
    url: string;
    shards: number;
    session_start_limit: Record<string, number>;
  };
}

/** Opens a bare socket, identifies with `shard` and resolves with the close code. */
function identifyRaw(e: DiscordEmulator, shard: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${e.gatewayUrl}?v=10&encoding=json`);
    ws.on('error', reject);
    ws.on('close', (code) => resolve(code));
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; t?: string };
      if (payload.op === 10) {
        const d = { token: e.bot.token, intents: 1, properties: {}, shard };
        ws.send(JSON.stringify({ op: 2, d: shard === undefined ? { ...d, shard: undefined } : d }));
      }
      if (payload.t === 'READY') ws.close(1000);
    });
  });
}

// A bounded look for a reconnect that must not come (discord.js retries at once when it does).
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

// Real clients on a loaded machine: generous time, never asserted.
describe('sharding', { timeout: 30_000 }, () => {
  it('GET /gateway/bot recommends shards and counts session starts down', async () => {
    const e = await DiscordEmulator.start();
    emu = e;
    expect(await gatewayBot(e)).toEqual({
      url: e.gatewayUrl,
      shards: 1,
      session_start_limit: {
        total: 1000,
        remaining: 1000,
        reset_after: 86_400_000,
        max_concurrency: 1,
      },
    });
    // Discord's rule: one shard per 1,000 guilds.
    for (let i = 0; i < 1001; i++) e.createGuild({ name: `g${i}` });
    expect((await gatewayBot(e)).shards).toBe(2);
    await connected(e, { shardCount: 3 });
    const limit = (await gatewayBot(e)).session_start_limit;
    expect(limit.remaining).toBe(997);
    expect(limit.reset_after).toBeGreaterThan(0);
    expect(limit.reset_after).toBeLessThanOrEqual(86_400_000);
    await e.stop();

    emu = await DiscordEmulator.start({
      recommendedShards: 16,
      sessionStartLimit: { total: 2000, maxConcurrency: 16 },
    });
    expect(await gatewayBot(emu)).toMatchObject({
      shards: 16,
      session_start_limit: { total: 2000, remaining: 2000, max_concurrency: 16 },
    });
  });

  it("sends a guild's dispatches only to the session of its shard, as discord.js computes it", async () => {
    const { e, guilds } = await world();
    const [g0, g1] = guilds as [(typeof guilds)[0], (typeof guilds)[0]];
    const names = { [g0.id]: 'g0', [g1.id]: 'g1' };
    expect(ShardClientUtil.shardIdForGuildId(g0.id, 2)).toBe(0);
    expect(ShardClientUtil.shardIdForGuildId(g1.id, 2)).toBe(1);
    const a = await connected(e, { shards: [0], shardCount: 2 });
    const b = await connected(e, { shards: [1], shardCount: 2 });
    expect([...a.client.guilds.cache.keys()]).toEqual([g0.id]);
    expect([...b.client.guilds.cache.keys()]).toEqual([g1.id]);
    expect(a.seen[0]?.d).toMatchObject({ shard: [0, 2], guilds: [{ id: g0.id }] });
    expect(b.seen[0]?.d).toMatchObject({ shard: [1, 2], guilds: [{ id: g1.id }] });
    expect(e.sessions().map((s) => s.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);

    const m0 = await post(a.client, g0.channelId, 'Q');
    e.react(g0.channelId, m0.id, g0.memberId, '🇦');
    e.createChannel(g0.id, { name: 'later' });
    e.runCommand({ guildId: g0.id, channelId: g0.channelId, userId: g0.memberId, name: 'quiz' });
    e.createMember(g0.id, { username: 'late' });
    // Shard 1's socket gets this after everything above: had any of it gone there, it came first.
    e.createChannel(g1.id, { name: 'marker' });
    await e.waitFor(() => b.seen.some((s) => s.t === 'CHANNEL_CREATE'));
    await e.waitFor(() => a.seen.some((s) => s.t === 'INTERACTION_CREATE'));
    expect(events(b.seen, names)).toEqual(['GUILD_CREATE g1', 'CHANNEL_CREATE g1']);
    expect(events(a.seen, names)).toEqual([
      'GUILD_CREATE g0',
      'MESSAGE_CREATE g0',
      'MESSAGE_REACTION_ADD g0',
      'CHANNEL_CREATE g0',
      'INTERACTION_CREATE g0',
    ]);
  });

  it("routes by each session's own shard count (sessions of two counts at once)", async () => {
    const { e, guilds } = await world();
    const [g0, g1] = guilds as [(typeof guilds)[0], (typeof guilds)[0]];
    const names = { [g0.id]: 'g0', [g1.id]: 'g1' };
    const whole = await connected(e, {});
    const half = await connected(e, { shards: [0], shardCount: 2 });
    expect(whole.seen[0]?.d).toMatchObject({ shard: [0, 1] });
    expect(whole.client.guilds.cache.size).toBe(2);
    const m1 = await post(whole.client, g1.channelId, 'Q');
    e.react(g1.channelId, m1.id, g1.memberId, '🇧');
    e.createChannel(g0.id, { name: 'marker' });
    await e.waitFor(() => half.seen.some((s) => s.t === 'CHANNEL_CREATE'));
    await e.waitFor(() => whole.seen.filter((s) => s.t === 'CHANNEL_CREATE').length === 1);
    expect(events(half.seen, names)).toEqual(['GUILD_CREATE g0', 'CHANNEL_CREATE g0']);
    expect(events(whole.seen, names)).toEqual([
      'GUILD_CREATE g0',
      'GUILD_CREATE g1',
      'MESSAGE_CREATE g1',
      'MESSAGE_REACTION_ADD g1',
      'CHANNEL_CREATE g0',
    ]);
  });

  it('keeps a session on its shard across RESUME (the replay holds only its guilds)', async () => {
    const { e, guilds } = await world();
    const [g0, g1] = guilds as [(typeof guilds)[0], (typeof guilds)[0]];
    const names = { [g0.id]: 'g0', [g1.id]: 'g1' };
    const a = await connected(e, { shards: [0], shardCount: 2 });
    const b = await connected(e, { shards: [1], shardCount: 2 });
    const m0 = await post(a.client, g0.channelId, 'Q0');
    const m1 = await post(b.client, g1.channelId, 'Q1');
    const resumed = (c: Client) => new Promise((resolve) => c.once(Events.ShardResume, resolve));
    const both = Promise.all([resumed(a.client), resumed(b.client)]);
    e.dropConnections();
    e.react(g1.channelId, m1.id, g1.memberId, '🇧');
    e.react(g0.channelId, m0.id, g0.memberId, '🇦');
    await both;
    expect([e.gatewayStats.identifies, e.gatewayStats.resumes]).toEqual([2, 2]);
    expect(e.sessions().map((s) => s.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Replayed dispatches come before RESUMED on the socket.
    expect(events(a.seen, names).slice(-2)).toEqual(['MESSAGE_REACTION_ADD g0', 'RESUMED -']);
    expect(events(b.seen, names).slice(-2)).toEqual(['MESSAGE_REACTION_ADD g1', 'RESUMED -']);
    expect(events([...a.seen, ...b.seen], names).filter((x) => x.startsWith('MESSAGE_R'))).toEqual([
      'MESSAGE_REACTION_ADD g0',
      'MESSAGE_REACTION_ADD g1',
    ]);
  });

  it("runs the recommended count with shards: 'auto', each event on its guild's shard", async () => {
    const { e, guilds } = await world({ recommendedShards: 2 });
    const [g0, g1] = guilds as [(typeof guilds)[0], (typeof guilds)[0]];
    const c = await connected(e, { shards: 'auto' });
    expect([c.client.options.shards, c.client.options.shardCount]).toEqual([[0, 1], 2]);
    expect(c.client.ws.shards.size).toBe(2);
    expect(c.client.guilds.cache.size).toBe(2);
    expect(c.client.guilds.cache.get(g1.id)?.shardId).toBe(1);
    const m0 = await post(c.client, g0.channelId, 'Q0');
    const m1 = await post(c.client, g1.channelId, 'Q1');
    e.react(g0.channelId, m0.id, g0.memberId, '🇦');
    e.react(g1.channelId, m1.id, g1.memberId, '🇦');
    await e.waitFor(() => c.seen.filter((s) => s.t === 'MESSAGE_REACTION_ADD').length === 2);
    const shardOfEvent = (guildId: string) =>
      c.seen.filter((s) => s.guildId === guildId).map((s) => s.shardId);
    expect(shardOfEvent(g0.id)).toEqual([0, 0, 0]);
    expect(shardOfEvent(g1.id)).toEqual([1, 1, 1]);
  });

  it('closes an IDENTIFY with an invalid shard with 4010; discord.js gives up', async () => {
    const { e } = await world();
    for (const shard of [[0, 0], [2, 2], [-1, 2], [0.5, 2], ['0', '2'], [0], '0,2', {}]) {
      expect(await identifyRaw(e, shard), JSON.stringify(shard)).toBe(4010);
    }
    expect(await identifyRaw(e, undefined)).toBe(1000);
    expect(await identifyRaw(e, [1, 2])).toBe(1000);
    expect(e.gatewayStats.identifies).toBe(2);

    e.gatewayStats.closes.length = 0;
    const c = newClient(e, { shards: [2], shardCount: 2 });
    const disconnected = new Promise<number>((resolve) =>
      c.client.once(Events.ShardDisconnect, (event) => resolve(event.code)),
    );
    const errors: string[] = [];
    c.client.on(Events.ShardError, (err, id) => errors.push(`${id}: ${err.message}`));
    await expect(c.client.login(e.bot.token)).rejects.toThrow('Invalid shard');
    expect(await disconnected).toBe(4010);
    await settle();
    expect(errors).toEqual(['2: Invalid shard']);
    expect(e.gatewayStats.closes).toEqual([{ code: 4010, by: 'server' }]);
    expect(c.client.ws.shards.get(2)?.status).toBe(Status.Disconnected);
  });

  it('closes with 4011 when a shard would hold too many guilds; discord.js gives up', async () => {
    const { e } = await world({ maxGuildsPerShard: 2 }, [
      [0, 2],
      [0, 2],
      [1, 2],
    ]);
    expect(await identifyRaw(e, undefined)).toBe(4011);
    const one = newClient(e, {});
    await expect(one.client.login(e.bot.token)).rejects.toThrow('Sharding is required');
    await settle();
    expect(e.gatewayStats.closes).toEqual([
      { code: 4011, by: 'server' },
      { code: 4011, by: 'server' },
    ]);
    expect(e.gatewayStats.identifies).toBe(0);
    // Two shards hold two guilds and one: enough.
    const two = await connected(e, { shardCount: 2 });
    expect(two.client.guilds.cache.size).toBe(3);
    await two.client.destroy();

    // One guild a shard: shard 0 is refused; login fails and discord.js closes shard 1 as well.
    const strict = await world({ maxGuildsPerShard: 1 }, [
      [0, 2],
      [0, 2],
      [1, 2],
    ]);
    await e.stop();
    const s = newClient(strict.e, { shardCount: 2 });
    await expect(s.client.login(strict.e.bot.token)).rejects.toThrow('Sharding is required');
    await settle();
    expect(strict.e.gatewayStats.closes).toEqual([
      { code: 4011, by: 'server' },
      { code: 1000, by: 'client' },
    ]);
    expect(strict.e.gatewayStats.identifies).toBe(1);
  });

  it('lets discord.js refuse to start more shards than session starts remain', async () => {
    const { e } = await world({ sessionStartLimit: { total: 3 } });
    await connected(e, { shardCount: 2 });
    const c = newClient(e, { shardCount: 2 });
    await expect(c.client.login(e.bot.token)).rejects.toThrow(
      'Not enough sessions remaining to spawn 2 shards; only 1 remaining',
    );
    expect(e.gatewayStats.identifies).toBe(2);
  });
});
