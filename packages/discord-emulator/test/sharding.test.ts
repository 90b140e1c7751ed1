import { type Client, Events, ShardClientUtil } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connected, events, post, stopShardWorld, world } from './sharding-harness';

afterEach(stopShardWorld);

// Real clients on a loaded machine: generous time, never asserted.
describe('sharding', { timeout: 30_000 }, () => {
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
});
