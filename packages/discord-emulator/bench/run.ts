// Emulator throughput against its transport floor, in the same run:
//  - gateway: 10,000 member reactions dispatched to a real discord.js client (all received),
//    vs the same payloads sent over a bare `ws` socket to a client that only JSON.parses them;
//  - REST: reaction-user pages (100 users) fetched through discord.js's REST client,
//    vs a bare node:http server answering the same JSON.
// Prints figures and ratios; fails on nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Events, GatewayIntentBits, REST } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import { DiscordEmulator } from '../src/index';

const CHANNELS = 50;
const MEMBERS = 200;
const PAGES = 400;
const LETTERS = ['🇦', '🇧', '🇨', '🇩'];
let peakRss = 0;
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const emu = await DiscordEmulator.start({
  rateLimits: { routeLimit: 100_000, globalPerSecond: 100_000 },
});
const guild = emu.createGuild({ name: 'bench' });
const channelIds = Array.from(
  { length: CHANNELS },
  (_, i) => emu.createChannel(guild.id, { name: `c${i}` }).id,
);
const memberIds = Array.from(
  { length: MEMBERS },
  (_, i) => emu.createMember(guild.id, { username: `m${i}` }).id,
);
const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
  ...emu.clientOptions(),
  rest: { api: emu.restUrl, globalRequestsPerSecond: 100_000 },
});
const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
await client.login(emu.bot.token);
await ready;
const messageIds: string[] = [];
for (const channelId of channelIds) {
  const channel = client.channels.cache.get(channelId);
  if (!channel?.isSendable()) throw new Error('channel not cached');
  messageIds.push((await channel.send('question')).id);
}

// Gateway: emulator + discord.js.
let received = 0;
client.on(Events.MessageReactionAdd, () => {
  received += 1;
});
const total = CHANNELS * MEMBERS;
let t0 = performance.now();
channelIds.forEach((channelId, c) => {
  memberIds.forEach((userId, m) => {
    emu.react(channelId, messageIds[c] ?? '', userId, LETTERS[m % 4] ?? '🇦');
  });
});
await emu.waitFor(() => received === total, { timeoutMs: 120_000 });
const emuGatewayMs = performance.now() - t0;

// Gateway baseline: the same number of similar payloads over a bare ws socket.
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
await new Promise((resolve) => wss.once('listening', resolve));
const wsPort = (wss.address() as AddressInfo).port;
const payload = (i: number) =>
  JSON.stringify({
    op: 0,
    t: 'MESSAGE_REACTION_ADD',
    s: i,
    d: { user_id: memberIds[i % MEMBERS], channel_id: channelIds[0], emoji: { name: '🇦' } },
  });
const bare = new WebSocket(`ws://127.0.0.1:${wsPort}`);
let bareReceived = 0;
const bareDone = new Promise<void>((resolve) =>
  bare.on('message', (raw) => {
    JSON.parse(raw.toString());
    bareReceived += 1;
    if (bareReceived === total) resolve();
  }),
);
const serverSocket = await new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
await new Promise((resolve) => bare.once('open', resolve));
t0 = performance.now();
for (let i = 0; i < total; i++) serverSocket.send(payload(i));
await bareDone;
const bareGatewayMs = performance.now() - t0;
bare.close();
wss.close();

// REST: reaction-user pages through discord.js's REST client.
const route = `/channels/${channelIds[0]}/messages/${messageIds[0]}/reactions/${encodeURIComponent('🇦')}`;
t0 = performance.now();
for (let i = 0; i < PAGES; i++) {
  await client.rest.get(route as `/${string}`, { query: new URLSearchParams({ limit: '100' }) });
}
const emuRestMs = performance.now() - t0;
const body = JSON.stringify(await client.rest.get(route as `/${string}`));
const http = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(body);
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const httpPort = (http.address() as AddressInfo).port;
const rest = new REST({
  api: `http://127.0.0.1:${httpPort}/api`,
  globalRequestsPerSecond: 100_000,
});
rest.setToken('bench');
t0 = performance.now();
for (let i = 0; i < PAGES; i++) await rest.get(route as `/${string}`);
const bareRestMs = performance.now() - t0;
http.close();

await client.destroy();
await emu.stop();
clearInterval(sample);
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
console.log(`gateway: ${total} reactions dispatched and received by discord.js`);
console.log(
  `  emulator + discord.js  ${emuGatewayMs.toFixed(0)} ms  (${rate(total, emuGatewayMs)}/s)`,
);
console.log(
  `  baseline bare ws+parse ${bareGatewayMs.toFixed(0)} ms  (${rate(total, bareGatewayMs)}/s)`,
);
console.log(`  ratio                  ${(emuGatewayMs / bareGatewayMs).toFixed(1)}x`);
console.log(`rest: ${PAGES} reaction-user pages of 100 via @discordjs/rest`);
console.log(`  emulator               ${emuRestMs.toFixed(0)} ms  (${rate(PAGES, emuRestMs)}/s)`);
console.log(`  baseline bare http     ${bareRestMs.toFixed(0)} ms  (${rate(PAGES, bareRestMs)}/s)`);
console.log(`  ratio                  ${(emuRestMs / bareRestMs).toFixed(1)}x`);
console.log(
  `peak RSS (emulator, client and baselines in one process): ${(peakRss / 2 ** 20).toFixed(0)} MB`,
);
