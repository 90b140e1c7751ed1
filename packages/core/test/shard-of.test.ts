import { describe, expect, it } from 'vitest';
import { shardOf } from '../src/index';

describe('shardOf', () => {
  it('takes the timestamp part of the snowflake modulo the shard count', () => {
    // Timestamp part 5, worker/sequence bits all set: they never move a guild.
    const id = String((5n << 22n) | 0x3fffffn);
    expect([1, 2, 3, 4, 5, 6].map((n) => shardOf(id, n))).toEqual([0, 1, 2, 1, 0, 5]);
    expect(shardOf(String(7n << 22n), 4)).toBe(3);
  });

  it('keeps every digit of a 19-digit guild id (past Number precision)', () => {
    // Timestamp part 294343922167 and the low 22 bits all set: as a Number the id rounds up into
    // the next millisecond (294343922168), which is another shard.
    const id = '1234567890124931071';
    expect(shardOf(id, 1000)).toBe(167);
    expect(shardOf(id, 2)).toBe(1);
  });
});
