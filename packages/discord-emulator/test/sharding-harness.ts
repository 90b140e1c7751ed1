import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import WebSocket from 'ws';
import { DiscordEmulator, type EmulatorOptions } from '../src/index';

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.GuildMessageReactions,
];

let emu: DiscordEmulator | undefined;
const clients: Client[] = [];

/** Destroys every client `newClient` made and stops the latest emulator (for `afterEach`). */
export async function stopShardWorld(): Promise<void> {
  for (const c of clients.splice(0)) await c.destroy();
  await emu?.stop();
  emu = undefined;
}

/** An emulator that `stopShardWorld` stops (it replaces the one before, as a test's `emu`). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  emu = await DiscordEmulator.start(options);
  return emu;
}

/** An emulator with one guild (a channel, a member) on each of `shards`. */
export async function world(
  options: EmulatorOptions = {},
  shards: [number, number][] = [
    [0, 2],
    [1, 2],
  ],
) {
  const e = await startEmulator({ requireRegisteredCommands: false, ...options });
  const guilds = shards.map((shard, i) => {
    const { id } = e.createGuild({ name: `g${i}`, shard });
    const channelId = e.createChannel(id, { name: 'quiz' }).id;
    return { id, channelId, memberId: e.createMember(id, { username: `m${i}` }).id };
  });
  return { e, guilds };
}

export interface Seen {
  t: string;
  guildId: string | undefined;
  shardId: number;
  d: Record<string, unknown>;
}

/** A discord.js client with `options`, logged in, and every dispatch it got since it connected. */
export function newClient(e: DiscordEmulator, options: Partial<ClientOptions>) {
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

export async function connected(e: DiscordEmulator, options: Partial<ClientOptions>) {
  const c = newClient(e, options);
  const ready = new Promise((resolve) => c.client.once(Events.ClientReady, resolve));
  await c.client.login(e.bot.token);
  await ready;
  return c;
}

/** What a client saw after READY, as `EVENT guild-name`. */
export const events = (seen: Seen[], names: Record<string, string>) =>
  seen.filter((s) => s.t !== 'READY').map((s) => `${s.t} ${names[s.guildId ?? ''] ?? '-'}`);

export async function post(client: Client, channelId: string, content: string) {
  const channel = client.channels.cache.get(channelId);
  if (!channel?.isSendable()) throw new Error(`channel ${channelId} not cached`);
  return channel.send(content);
}

export async function gatewayBot(e: DiscordEmulator) {
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
export function identifyRaw(e: DiscordEmulator, shard: unknown): Promise<number> {
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
export const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));
