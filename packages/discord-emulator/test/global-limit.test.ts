import { REST, RESTEvents, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/http/rate-limiter';
import { DEFAULT_RATE_LIMITS, DiscordEmulator } from '../src/index';

let emu: DiscordEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe('the global limit, 50 requests per bot in any second', () => {
  it('refuses the 51st request within a second with a global 429; discord.js waits it out', async () => {
    const e = await DiscordEmulator.start();
    emu = e;
    const guild = e.createGuild({ name: 'g' });
    // One channel each: 60 route buckets, so only the global limit can refuse them.
    const channels = Array.from(
      { length: 60 },
      (_, i) => e.createChannel(guild.id, { name: `c${i}` }).id,
    );
    // discord.js's own global limiter is set out of the way: the emulator must do the refusing.
    const rest = new REST({ api: e.restUrl, globalRequestsPerSecond: 1000 }).setToken(e.bot.token);
    const refusals: (string | null)[][] = [];
    rest.on(RESTEvents.Response, (_req, res) => {
      if (res.status !== 429) return;
      const h = res.headers;
      refusals.push([
        h.get('retry-after'),
        h.get('x-ratelimit-scope'),
        h.get('x-ratelimit-global'),
      ]);
    });
    const answers = await Promise.all(channels.map((id) => rest.get(Routes.channel(id))));
    expect(answers.map((c) => (c as { id: string }).id)).toEqual(channels);
    // Whole seconds in the header, as Discord sends it: discord.js waited a second, then all landed.
    expect(refusals).toEqual(Array.from({ length: 10 }, () => ['1', 'global', 'true']));
    const global = e.rateLimits.hits.filter((h) => h.global);
    expect(global).toHaveLength(10);
    expect(global.every((h) => h.botId === e.bot.id && !h.injected)).toBe(true);
    const budget = e.rateLimits.budget();
    expect(budget.requests).toBe(70);
    expect(budget.global429s).toBe(10);
    expect(budget.peakPerSecond).toBeGreaterThan(50);
  });

  it('keeps each bot to a budget of its own', async () => {
    const e = await DiscordEmulator.start({ bots: [{ username: 'one' }, { username: 'two' }] });
    emu = e;
    const [one, two] = e.bots;
    const guild = e.createGuild({ name: 'g' });
    const channels = Array.from(
      { length: 30 },
      (_, i) => e.createChannel(guild.id, { name: `c${i}` }).id,
    );
    const rest = (token: string) => new REST({ api: e.restUrl }).setToken(token);
    await Promise.all(
      [one, two].flatMap((bot) =>
        channels.map((id) => rest(bot?.token ?? '').get(Routes.channel(id))),
      ),
    );
    expect(e.rateLimits.budget(one?.id)).toEqual({
      requests: 30,
      peakPerSecond: 30,
      global429s: 0,
    });
    expect(e.rateLimits.budget(two?.id)).toEqual({
      requests: 30,
      peakPerSecond: 30,
      global429s: 0,
    });
  });

  // Discord keeps no fixed second per bot (discord/discord-api-docs#5144): a limiter that restarts
  // its own count every second, as discord.js's does, can be refused at the turn of its second.
  it('is a sliding window, not a second that restarts', () => {
    const limiter = new RateLimiter(DEFAULT_RATE_LIMITS);
    const at = (now: number, channel: number) =>
      limiter.check(
        {
          method: 'GET',
          path: `/channels/${channel}`,
          route: 'GET /channels/:channelId',
          major: String(channel),
          botId: 'b',
        },
        now,
      );
    for (let i = 0; i < 50; i++) expect(at(900 + i, i).limited).toBeUndefined();
    // A fixed window opened at 0 would admit these at 1000: 50 arrived since 900.
    const refused = at(1000, 50);
    expect(refused.limited?.body).toEqual({
      message: 'You are being rate limited.',
      retry_after: 0.9,
      global: true,
    });
    expect(refused.limited?.headers['Retry-After']).toBe('1');
    expect(at(1899, 51).limited).toBeDefined();
    // The first of the 50 leaves the window at 1900, the second at 1901.
    expect(at(1900, 52).limited).toBeUndefined();
    expect(at(1900, 53).limited).toBeDefined();
    expect(at(1901, 54).limited).toBeUndefined();
    expect(limiter.budget('b')).toEqual({ requests: 55, peakPerSecond: 53, global429s: 3 });
  });
});
