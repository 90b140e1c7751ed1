import { describe, expect, it } from 'vitest';
import { quizdeck, repoDir } from './run-cli';

describe('quizdeck shapes', () => {
  it('prints the table with totals and the convention', async () => {
    const r = await quizdeck(
      repoDir,
      'shapes',
      '--cell',
      'lstm',
      '--input',
      '300',
      '--hidden',
      '512',
      '--layers',
      '2',
      '--convention',
      'pytorch',
      '--steps',
      '30',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('convention: pytorch');
    expect(r.stdout).toMatch(/weight_hh_l1\s+\(2048, 512\)\s+1,048,576/);
    expect(r.stdout).toContain('total:     3,768,320 params (3,760,128 weights + 8,192 biases)');
    expect(r.stdout).toContain('MACs per sequence: 112,803,840');
  }, 60_000);

  it('prints the JSON the issue specifies, without biases when --no-bias', async () => {
    const r = await quizdeck(
      repoDir,
      'shapes',
      '--cell',
      'rnn',
      '--input',
      '50',
      '--hidden',
      '100',
      '--classes',
      '5',
      '--no-bias',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      convention: 'textbook',
      tensors: [
        { name: 'W_hh', shape: [100, 100], params: 10_000, layer: 0, direction: 'forward' },
        { name: 'W_xh', shape: [100, 50], params: 5_000, layer: 0, direction: 'forward' },
        { name: 'W_yh', shape: [5, 100], params: 500, layer: 1, direction: 'none' },
      ],
      totals: { weights: 15_500, biases: 0, params: 15_500 },
    });
  }, 60_000);

  it('rejects a bad spec with a clear message and exit 1', async () => {
    const r = await quizdeck(
      repoDir,
      'shapes',
      '--cell',
      'gru',
      '--input',
      '8',
      '--hidden',
      '16',
      '--proj',
      '4',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'quizdeck shapes: invalid shape spec: proj: a projection (proj) exists only for LSTM, not GRU',
    );
    const nan = await quizdeck(
      repoDir,
      'shapes',
      '--cell',
      'rnn',
      '--input',
      'ten',
      '--hidden',
      '4',
    );
    expect(nan.stderr).toContain('--input must be a whole number (got "ten")');
    expect(nan.code).toBe(1);
  }, 60_000);
});
