import { DiscordEmulator } from '@quizdeck/discord-emulator';
import { Client, DiscordAPIError, GatewayIntentBits, REST, RESTEvents, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProxyConfig } from '../src/env';
import { ConfigError } from '../src/index';
import { createLogger } from '../src/log';
import { type RunningProxy, startRestProxy } from '../src/proxy/rest-proxy';

let emu: DiscordEmulator | undefined;
let proxy: RunningProxy | undefined;
let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
  await proxy?.stop();
  await emu?.stop();
  client = proxy = emu = undefined;
});

async function world() {
  const e = await DiscordEmulator.start();
  emu = e;
  const lines: string[] = [];
  const p = await startRestProxy(
    loadProxyConfig({
      QUIZDECK_PROXY_PORT: '0',
      DISCORD_API_URL: e.restUrl,
      QUIZDECK_LOG: 'debug',
    }),
    createLogger('debug', [], (line) => lines.push(line), 'proxy'),
  );
  proxy = p;
  const guild = e.createGuild({ name: 'g' });
  const channelId = e.createChannel(guild.id, { name: 'quiz' }).id;
  const c = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: p.url },
    ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) },
  });
  client = c;
  const ready = new Promise((resolve) => c.once('clientReady', resolve));
  await c.login(e.bot.token);
  await ready;
  const statuses: number[] = [];
  const rateHeaders: string[] = [];
  c.rest.on(RESTEvents.Response, (_req, res) => {
    statuses.push(res.status);
    for (const [name] of res.headers) if (name.startsWith('x-ratelimit')) rateHeaders.push(name);
  });
  return { e, p, c, channelId, lines, statuses, rateHeaders };
}

describe('the REST proxy', () => {
  it('waits out Discord’s 429s for the bot and retries with the same body', async () => {
    const { e, c, channelId, lines, statuses, rateHeaders } = await world();
    const channel = await c.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('not sendable');
    e.rateLimits.inject({ route: 'POST /channels/:channelId/messages', count: 2, retryAfter: 50 });
    e.rateLimits.inject({ route: /^POST /, retryAfter: 50, global: true });
    const sent = await channel.send('posted after three 429s');
    expect(sent.content).toBe('posted after three 429s');
    expect(e.messages(channelId).map((m) => m.content)).toEqual(['posted after three 429s']);
    expect(e.rateLimits.hits).toHaveLength(3);
    // The bot saw one answer, the 200: the proxy kept the 429s and the bucket headers to itself.
    expect(statuses).toEqual([200]);
    expect(rateHeaders).toEqual([]);
    expect(lines.join('')).toContain('Discord answered 429 (global) to POST /channels/');
    expect(lines.join('')).not.toContain(e.bot.token);
  });

  it('passes the bot’s token on as it came, and Discord’s errors back as they were', async () => {
    const { e, p, c } = await world();
    const stranger = new REST({ api: p.url }).setToken(
      'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB',
    );
    const refused = await stranger.get(Routes.user('@me')).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect((refused as DiscordAPIError).status).toBe(401);
    const missing = await c.rest.get(Routes.channel('1')).catch((err: unknown) => err);
    expect((missing as DiscordAPIError).code).toBe(10003);
    expect(e.requests.filter((r) => r.status === 401)).toHaveLength(1);
  });

  it('refuses a path outside /api and a request that came back through itself', async () => {
    const { p } = await world();
    const outside = await fetch(p.url.replace(/\/api$/, '/v10/users/@me'));
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { message: string }).message).toMatch(
      /set the bots' DISCORD_API_URL to http:\/\/127\.0\.0\.1:\d+\/api$/,
    );
    const loop = await fetch(`${p.url}/v10/users/@me`, { headers: { via: '1.1 quizdeck-proxy' } });
    expect(loop.status).toBe(508);
  });

  it('stops gracefully: a request under way is answered, a new connection is refused', async () => {
    const { e, p, c, channelId, lines } = await world();
    const channel = await c.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('not sendable');
    const hold = e.holds.inject({ route: 'POST /channels/:channelId/messages' });
    const sending = channel.send('in flight at the stop');
    await hold.reached;
    const stopping = p.stop();
    proxy = undefined;
    const refused = await fetch(`${p.url}/v10/users/@me`).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(Error);
    hold.release();
    expect((await sending).content).toBe('in flight at the stop');
    await stopping;
    expect(lines.join('')).toMatch(/stopped after \d+ request\(s\); Discord answered 0 with 429/);
  });

  it('is configured by env: port, host (127.0.0.1), the budget; bad values named', () => {
    expect(loadProxyConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      upstreamUrl: undefined,
      globalPerSecond: 50,
      log: 'info',
    });
    expect(() => loadProxyConfig({ QUIZDECK_PROXY_PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadProxyConfig({ DISCORD_API_URL: 'not a url' })).toThrow(/^DISCORD_API_URL: /);
  });
});
