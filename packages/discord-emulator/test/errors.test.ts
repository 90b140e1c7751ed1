import { Client, RESTEvents, type SendableChannels } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordEmulator, type OverwriteInput } from '../src/index';
import { apiError, connect } from './helpers';

let emu: DiscordEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

/** A connected client and a channel where the bot's role has `deny`. */
async function channelDenying(deny: OverwriteInput['deny']) {
  const e = await DiscordEmulator.start();
  emu = e;
  const guild = e.createGuild({ name: 'g' });
  const botRole = guild.botRoles[e.bot.id] ?? '';
  const channelId = e.createChannel(guild.id, {
    name: 'locked',
    overwrites: deny ? [{ id: botRole, type: 'role', deny }] : [],
  }).id;
  const client = await connect(e);
  const channel = client.channels.cache.get(channelId);
  if (!channel?.isSendable()) throw new Error('channel not cached');
  return { e, guild, client, channel: channel as SendableChannels, channelId };
}

describe('Discord errors as DiscordAPIError', () => {
  it('403 50013 without Send Messages', async () => {
    const { client, channel } = await channelDenying(['SendMessages']);
    const error = await apiError(channel.send('hi'));
    expect([error.status, error.code]).toEqual([403, 50013]);
    await client.destroy();
  });

  it('403 50013 for an embed without Embed Links (plain text still goes)', async () => {
    const { e, client, channel, channelId } = await channelDenying(['EmbedLinks']);
    const error = await apiError(channel.send({ embeds: [{ title: 'Q1' }] }));
    expect([error.status, error.code]).toEqual([403, 50013]);
    await channel.send('plain');
    expect(e.messages(channelId).map((m) => m.content)).toEqual(['plain']);
    await client.destroy();
  });

  it('403 50013 for a new reaction without Add Reactions', async () => {
    const { client, channel } = await channelDenying(['AddReactions']);
    const message = await channel.send('Q1');
    const error = await apiError(message.react('🇦'));
    expect([error.status, error.code]).toEqual([403, 50013]);
    await client.destroy();
  });

  it('403 50013 fetching a message without Read Message History', async () => {
    const { client, channel } = await channelDenying(['ReadMessageHistory']);
    const message = await channel.send('Q1');
    const error = await apiError(channel.messages.fetch({ message: message.id, force: true }));
    expect([error.status, error.code]).toEqual([403, 50013]);
    await client.destroy();
  });

  it('403 follows overwrites: a member overwrite re-allows what @everyone denies', async () => {
    const e = await DiscordEmulator.start();
    emu = e;
    const guild = e.createGuild({ name: 'g', botPermissions: [] });
    const channelId = e.createChannel(guild.id, {
      name: 'c',
      overwrites: [
        { id: guild.id, type: 'role', deny: ['SendMessages'] },
        { id: e.bot.id, type: 'member', allow: ['SendMessages'] },
      ],
    }).id;
    const client = await connect(e);
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error('channel not cached');
    await channel.send('allowed');
    e.setChannelOverwrites(channelId, [{ id: guild.id, type: 'role', deny: ['SendMessages'] }]);
    const error = await apiError(channel.send('denied'));
    expect(error.code).toBe(50013);
    await client.destroy();
  });

  it('400 50035 with Discord’s error body for payloads over the limits', async () => {
    const { client, channel } = await channelDenying(undefined);
    const cases: [Parameters<typeof channel.send>[0], string][] = [
      [{ content: 'x'.repeat(2001) }, 'content'],
      [{ embeds: [{ title: 't'.repeat(257) }] }, 'embeds.0.title'],
      [{ embeds: [{ description: 'd'.repeat(4097) }] }, 'embeds.0.description'],
      [
        { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] },
        'embeds.0.fields.0.value',
      ],
      [
        { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
        'embeds.0.fields',
      ],
      [{ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, 'embeds'],
      [{ embeds: [1, 2].map(() => ({ description: 'd'.repeat(3001) })) }, 'embeds'],
    ];
    for (const [payload, path] of cases) {
      const error = await apiError(channel.send(payload));
      expect([error.status, error.code, error.message]).toEqual([
        400,
        50035,
        expect.stringContaining('Invalid Form Body'),
      ]);
      let node = (error.rawError as { errors?: Record<string, unknown> }).errors;
      for (const key of path.split('.')) node = node?.[key] as Record<string, unknown> | undefined;
      expect(node?._errors, path).toEqual([
        expect.objectContaining({ code: 'BASE_TYPE_MAX_LENGTH' }),
      ]);
    }
    const ok = await channel.send({ content: 'x'.repeat(2000) });
    expect(ok.content).toHaveLength(2000);
    await client.destroy();
  });

  it('404 10008 Unknown Message once a message is deleted', async () => {
    const { client, channel } = await channelDenying(undefined);
    const message = await channel.send('Q1');
    await message.delete();
    const fetched = await apiError(channel.messages.fetch({ message: message.id, force: true }));
    expect([fetched.status, fetched.code]).toEqual([404, 10008]);
    const edited = await apiError(channel.messages.edit(message.id, 'again'));
    expect(edited.code).toBe(10008);
    await client.destroy();
  });

  it('retries a 429 with retry_after and X-RateLimit headers, per route and global', async () => {
    const { e, client, channel, channelId } = await channelDenying(undefined);
    const statuses: number[] = [];
    const retryHeaders: (string | null)[][] = [];
    client.rest.on(RESTEvents.Response, (_request, response) => {
      statuses.push(response.status);
      const h = response.headers;
      if (response.status === 429) {
        retryHeaders.push([
          h.get('retry-after'),
          h.get('x-ratelimit-scope'),
          h.get('x-ratelimit-global'),
        ]);
      } else {
        expect(h.get('x-ratelimit-limit')).toBe('50');
        expect(h.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{16}$/);
      }
    });
    e.rateLimits.inject({ route: 'POST /channels/:channelId/messages', count: 2, retryAfter: 120 });
    const started = Date.now();
    await channel.send('after two 429s');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    e.rateLimits.inject({
      route: /^POST \/channels\/\d+\/messages$/,
      retryAfter: 80,
      global: true,
    });
    await channel.send('after a global 429');
    expect(e.messages(channelId).map((m) => m.content)).toEqual([
      'after two 429s',
      'after a global 429',
    ]);
    expect(e.rateLimits.hits.map((h) => [h.injected, h.global])).toEqual([
      [true, false],
      [true, false],
      [true, true],
    ]);
    expect(statuses).toEqual([429, 429, 200, 429, 200]);
    expect(retryHeaders).toEqual([
      ['0.120', 'user', null],
      ['0.120', 'user', null],
      ['1', 'global', 'true'],
    ]);
    expect(e.requests.filter((r) => r.status === 429)).toHaveLength(3);
    await client.destroy();
  });

  it('rejects an unknown token (401) so login fails', async () => {
    const e = await DiscordEmulator.start();
    emu = e;
    const client = new Client({ intents: [], rest: { api: e.restUrl } });
    await expect(client.login('not-a-token')).rejects.toThrow();
    expect(e.requests.at(-1)?.status).toBe(401);
    await client.destroy();
  });
});
