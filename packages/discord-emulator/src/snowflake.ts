const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Discord-style snowflakes: time-ordered and strictly increasing within one emulator, so that
 * `after`/`before` paging by id behaves like Discord's.
 */
export function createSnowflakes(): () => string {
  let last = 0n;
  return () => {
    let id = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    if (id <= last) id = last + 1n;
    last = id;
    return id.toString();
  };
}

export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
