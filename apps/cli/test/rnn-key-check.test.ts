import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quizdeck, repoDir } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-keys-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('quizdeck check against the shape math', () => {
  it('fails the bundled bank when Q7 is keyed with the transposed shape', async () => {
    const text = readFileSync(join(repoDir, 'banks/rnn-quiz.md'), 'utf8');
    const wrong = text.replace(
      '- **A.**  $50 \\times 100$\n- **B RIGHT.**  $100 \\times 50$',
      '- **A RIGHT.**  $50 \\times 100$\n- **B.**  $100 \\times 50$',
    );
    expect(wrong).not.toBe(text);
    writeFileSync(join(tmp, 'rnn-quiz.md'), wrong);
    const line = wrong.split('\n').findIndex((l) => l.startsWith('## 7.')) + 1;
    const r = await quizdeck(tmp, 'check', 'rnn-quiz.md');
    // the question's line; the column is where its text starts
    expect(r.stdout.startsWith(`rnn-quiz.md:${line}:`)).toBe(true);
    expect(r.stdout).toContain(
      ': error: mri-wxh-size: the key A ("$50 \\times 100$") disagrees with the math: W_xh = 100 × 50 under the textbook convention, which is option B\n',
    );
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.code).toBe(1);
  }, 60_000);
});
