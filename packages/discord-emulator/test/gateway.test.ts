import { Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../src/index';
import { connect } from './helpers';

let emu: DiscordEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function setup(options: Parameters<typeof DiscordEmulator.start>[0] = {}) {
  const e = await DiscordEmulator.start(options);
  emu = e;
  const guild = e.createGuild({ name: 'g' });
  const channelId = e.createChannel(guild.id, { name: 'quiz' }).id;
  const carol = e.createMember(guild.id, { username: 'carol' });
  return { e, guild, channelId, carol };
}

describe('gateway', () => {
  it('resumes after a dropped connection without losing a reaction dispatched meanwhile', async () => {
    const { e, channelId, carol } = await setup();
    const client = await connect(e);
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error('channel not cached');
    const message = await channel.send('Q1');
    const reacted = new Promise<string>((resolve) =>
      client.once(Events.MessageReactionAdd, (_r, user) => resolve(user.id)),
    );
    e.dropConnections();
    // The socket is gone: this reaction can only reach the bot through the RESUME replay.
    e.react(channelId, message.id, carol.id, '🇧');
    expect(await reacted).toBe(carol.id);
    expect(e.gatewayStats.resumes).toBe(1);
    expect(e.gatewayStats.identifies).toBe(1);
    expect(message.reactions.cache.get('🇧')?.count).toBe(1);
    await client.destroy();
  });

  it('re-identifies after INVALID_SESSION (not resumable)', async () => {
    const { e } = await setup();
    const client = await connect(e);
    const before = e.sessions()[0]?.id;
    const readyAgain = new Promise((resolve) => client.once(Events.ShardReady, resolve));
    e.invalidateSession();
    await readyAgain;
    expect(e.gatewayStats.identifies).toBe(2);
    expect(e.sessions().map((s) => s.id)).not.toContain(before);
    await client.destroy();
  });

  it('lets discord.js detect a zombie connection when heartbeats are not acknowledged', async () => {
    const { e } = await setup({ heartbeatIntervalMs: 150 });
    const client = await connect(e);
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    e.setHeartbeatAcks(false);
    await resumed;
    e.setHeartbeatAcks(true);
    expect(e.gatewayStats.resumes).toBe(1);
    expect(e.gatewayStats.closes.some((c) => c.by === 'client')).toBe(true);
    expect(e.gatewayStats.identifies).toBe(1);
    await client.destroy();
  });

  it('resumes after a close with 4000 and re-identifies after 4009', async () => {
    const { e } = await setup();
    const client = await connect(e);
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    e.closeConnections(4000);
    await resumed;
    expect(e.gatewayStats.resumes).toBe(1);
    const readyAgain = new Promise((resolve) => client.once(Events.ShardReady, resolve));
    e.closeConnections(4009);
    await readyAgain;
    expect(e.gatewayStats.identifies).toBe(2);
    // discord.js first tries to resume after 4009; the emulator forgot the session and answers
    // INVALID_SESSION, so the client closes (1000) and identifies anew.
    expect(e.gatewayStats.closes.map((c) => `${c.by} ${c.code}`)).toEqual([
      'server 4000',
      'server 4009',
      'client 1000',
    ]);
    await client.destroy();
  });

  it('resumes after op 7 RECONNECT', async () => {
    const { e } = await setup();
    const client = await connect(e);
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    e.requestReconnect();
    await resumed;
    expect([e.gatewayStats.identifies, e.gatewayStats.resumes]).toEqual([1, 1]);
    await client.destroy();
  });

  it('sends only the events the client asked for (intents)', async () => {
    const { e, guild, channelId, carol } = await setup();
    const client = await connect(e, [GatewayIntentBits.Guilds]);
    const events: string[] = [];
    client.on(Events.Raw, (packet: { t: string | null }) => {
      if (packet.t) events.push(packet.t);
    });
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error('channel not cached');
    const message = await channel.send('Q1');
    e.react(channelId, message.id, carol.id, '🇦');
    const later = e.createChannel(guild.id, { name: 'later' });
    await e.waitFor(() => client.channels.cache.has(later.id));
    expect(events).toEqual(['CHANNEL_CREATE']);
    await client.destroy();
  });

  it('sends message content only with the Message Content intent or a mention', async () => {
    const { e, channelId, carol } = await setup();
    const client = await connect(e, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const contents: string[] = [];
    client.on(Events.MessageCreate, (m) => contents.push(m.content));
    e.postMessage(channelId, carol.id, { content: 'hidden' });
    e.postMessage(channelId, carol.id, { content: `hey <@${e.bot.id}>` });
    await e.waitFor(() => contents.length === 2);
    expect(contents).toEqual(['', `hey <@${e.bot.id}>`]);
    await client.destroy();
  });
});
