import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bank, parseBank } from '@quizdeck/core';
import { afterAll, describe, expect, it } from 'vitest';
import { quizdeck, repoDir } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-convert-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('quizdeck convert', { timeout: 30_000 }, () => {
  it('writes the canonical JSON model, which converts on to YAML and back to the same bank', async () => {
    const json = await quizdeck(repoDir, 'convert', 'banks/rnn-quiz.md', '--to', 'json');
    expect(json.code).toBe(0);
    const bank = JSON.parse(json.stdout) as Bank;
    expect(bank.questions).toHaveLength(10);
    expect(bank.questions[0]).toMatchObject({
      id: 'growing-weights',
      answer: ['A', 'D'],
      multiple: true,
    });
    writeFileSync(join(tmp, 'rnn.quiz.json'), json.stdout);
    const yaml = await quizdeck(tmp, 'convert', 'rnn.quiz.json', '--to', 'yaml');
    expect(yaml.code).toBe(0);
    expect(parseBank(yaml.stdout, { file: 'x.quiz.yaml', format: 'yaml' }).bank).toEqual(bank);
  });

  it('refuses an invalid bank with its diagnostics on stderr and exit 1', async () => {
    writeFileSync(join(tmp, 'bad.md'), '1. Pick?\n\n- A. yes\n- B. no\n');
    const r = await quizdeck(tmp, 'convert', 'bad.md', '--to', 'json');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'quizdeck convert: bad.md:1:1: error: question 1 has no key: mark the right options RIGHT or add an "Accepted answer" line\n',
    );
    expect(r.code).toBe(1);
  });

  it('reports a missing or unknown file as a diagnostic', async () => {
    const missing = await quizdeck(tmp, 'convert', 'nope.md', '--to', 'json');
    expect(missing.stderr).toBe('quizdeck convert: nope.md:1:1: error: no such file\n');
    expect(missing.code).toBe(1);
    writeFileSync(join(tmp, 'bank.txt'), '1. Q?\n\n- A RIGHT. a\n- B. b\n');
    const unknown = await quizdeck(tmp, 'convert', 'bank.txt', '--to', 'json');
    expect(unknown.stderr).toBe(
      'quizdeck convert: bank.txt:1:1: error: unknown bank format (use .md, .quiz.yaml or .quiz.json)\n',
    );
  });

  it('refuses an unknown target format', async () => {
    const r = await quizdeck(repoDir, 'convert', 'banks/rnn-quiz.md', '--to', 'xml');
    expect(r.stderr).toBe('quizdeck convert: --to must be json, yaml or md (got "xml")\n');
    expect(r.code).toBe(1);
  });
});
