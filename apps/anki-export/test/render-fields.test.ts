import { generateBank } from '@quizdeck/core';
import { describe, expect, it } from 'vitest';
import { noteFields, renderAllFields } from '../src/index';

describe('renderAllFields', () => {
  it('gives the same fields, in order, on worker threads as on one thread', async () => {
    const bank = generateBank({ count: 90, seed: 'threads' });
    const sequential = bank.questions.map((q) => noteFields(bank, q, { shuffle: true }));
    const parallel = await renderAllFields({ bank, shuffle: true }, 3, 30);
    expect(parallel).toHaveLength(90);
    expect(parallel).toEqual(sequential);
    expect(new Set(parallel.map((f) => f.Id)).size).toBe(90);
  }, 30_000); // each worker starts tsx and compiles core: seconds on a busy machine
});
