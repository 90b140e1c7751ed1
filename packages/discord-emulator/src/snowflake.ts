import type { ShardTuple } from './gateway/sharding';

const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Discord-style snowflakes: time-ordered and strictly increasing within one emulator, so that
 * `after`/`before` paging by id behaves like Discord's. With `shard`, the id is the first one at a
 * later millisecond whose timestamp puts it on that shard (for guilds a test wants on a shard).
 */
export function createSnowflakes(): (shard?: ShardTuple) => string {
  let last = 0n;
  return (shard) => {
    let id = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    if (id <= last) id = last + 1n;
    if (shard) {
      const [k, n] = [BigInt(shard[0]), BigInt(shard[1])];
      let ms = (id + (1n << 22n) - 1n) >> 22n;
      ms += (((k - ms) % n) + n) % n;
      id = ms << 22n;
    }
    last = id;
    return id.toString();
  };
}

export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
