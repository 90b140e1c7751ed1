import { Events, Status } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connected,
  gatewayBot,
  identifyRaw,
  newClient,
  settle,
  startEmulator,
  stopShardWorld,
  world,
} from './sharding-harness';

afterEach(stopShardWorld);

// Real clients on a loaded machine: generous time, never asserted.
describe('shard limits', { timeout: 30_000 }, () => {
  it('GET /gateway/bot recommends shards and counts session starts down', async () => {
    const e = await startEmulator();
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

    const big = await startEmulator({
      recommendedShards: 16,
      sessionStartLimit: { total: 2000, maxConcurrency: 16 },
    });
    expect(await gatewayBot(big)).toMatchObject({
      shards: 16,
      session_start_limit: { total: 2000, remaining: 2000, max_concurrency: 16 },
    });
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
