import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine } from '../src/apkg/crc32-combine';

describe('crc32Combine', () => {
  it("gives zlib's CRC-32 of two pieces joined", () => {
    for (const [a, b] of [
      [0, 0],
      [0, 7],
      [9, 0],
      [1, 1],
      [1000, 4097],
      [33, (16 << 20) + 5],
    ] as const) {
      const x = randomBytes(a);
      const y = randomBytes(b);
      expect(crc32Combine(crc32(x), crc32(y), b)).toBe(crc32(Buffer.concat([x, y])));
    }
  });
});
