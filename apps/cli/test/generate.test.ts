import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bank, BankSchema, MAX_BANK_BYTES } from '@quizdeck/core';
import { afterAll, describe, expect, it } from 'vitest';
import { quizdeck } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-generate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('quizdeck generate', () => {
  it('prints the same bytes for the same seed, and a bank that passes quizdeck check', async () => {
    const args = ['generate', '--count', '25', '--seed', 'cli', '--to', 'md'];
    const [a, b] = await Promise.all([quizdeck(tmp, ...args), quizdeck(tmp, ...args)]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    writeFileSync(join(tmp, 'drills.md'), a.stdout);
    const check = await quizdeck(tmp, 'check', 'drills.md');
    expect(check.stdout).toBe('');
    expect(check.stderr).toContain('drills.md: ok, 25 questions');
    expect(check.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout).toMatch(/^1\. .*\n\n- A/m);
    expect(a.stdout).not.toContain('number: null');
  }, 60_000);

  it('keeps to --cells and --conventions and writes JSON', async () => {
    const r = await quizdeck(
      tmp,
      'generate',
      '--count',
      '12',
      '--seed',
      '9',
      '--cells',
      'lstm',
      '--conventions',
      'pytorch,keras',
      '--to',
      'json',
    );
    expect(r.code).toBe(0);
    const bank = BankSchema.parse(JSON.parse(r.stdout)) as Bank;
    expect(bank.questions).toHaveLength(12);
    for (const q of bank.questions) {
      expect(q.tags).toContain('lstm');
      expect(q.tags.some((t) => t === 'pytorch' || t === 'keras')).toBe(true);
    }
  }, 60_000);

  it('makes quizdeck check fail when a generated key is changed', async () => {
    const r = await quizdeck(tmp, 'generate', '--count', '3', '--seed', 'x', '--to', 'json');
    const bank = JSON.parse(r.stdout) as Bank;
    const q = bank.questions[1] as Bank['questions'][number];
    q.answer = [q.answer[0] === 'A' ? 'B' : 'A'];
    writeFileSync(join(tmp, 'wrong.quiz.json'), JSON.stringify(bank));
    const check = await quizdeck(tmp, 'check', 'wrong.quiz.json');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /^wrong\.quiz\.json:\d+:\d+: error: q2: the key [AB] .* disagrees with the math: .* convention/,
    );
  }, 60_000);

  it('makes one file of 100,000 drills in JSON that check accepts, within the size limit', async () => {
    const r = await quizdeck(tmp, 'generate', '--count', '100000', '--seed', 'big', '--to', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    writeFileSync(join(tmp, 'big.quiz.json'), r.stdout);
    const check = await quizdeck(tmp, 'check', 'big.quiz.json');
    expect(check.stderr).toContain('big.quiz.json: ok, 100000 questions');
    expect(check.code).toBe(0);
    // generate stops at 100,000 questions, so only a padded file passes the limit.
    const padded = r.stdout.padEnd(MAX_BANK_BYTES + 1, ' ');
    writeFileSync(join(tmp, 'over.quiz.json'), padded);
    const refused = await quizdeck(tmp, 'check', 'over.quiz.json');
    expect(refused.stdout).toMatch(
      /^over\.quiz\.json:1:1: error: file is 16\d\.\d MiB; a bank may be at most 160 MiB \(167,772,160 bytes\)\n$/,
    );
  }, 300_000);

  it('rejects bad flags', async () => {
    const r = await quizdeck(
      tmp,
      'generate',
      '--count',
      '3',
      '--seed',
      '1',
      '--cells',
      'rnn,cnn',
      '--to',
      'md',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '--cells takes a comma-separated list of rnn, gru, lstm (got "rnn,cnn")',
    );
  }, 60_000);
});
