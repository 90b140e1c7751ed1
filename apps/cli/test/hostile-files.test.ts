import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quizdeck } from './run-cli';

// Hostile files that cannot be committed (FIFOs, symlinks to devices or out of the folder) or
// that must be checked together, made in a temporary folder and checked as a process.
const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-hostile-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HOSTILE = resolve(import.meta.dirname, 'hostile');
const STACK = /^\s+at .+[(:]\d+|FATAL|node:internal|Error: /m;

describe('check as a process on hostile files', { timeout: 30_000 }, () => {
  it('two JSON files nested 1,000 deep, checked together: two diagnostics, no abort', async () => {
    copyFileSync(join(HOSTILE, 'json-deep.quiz.json'), join(tmp, 'a.quiz.json'));
    copyFileSync(join(HOSTILE, 'json-deep.quiz.json'), join(tmp, 'b.quiz.json'));
    const r = await quizdeck(tmp, 'check', 'a.quiz.json', 'b.quiz.json');
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK);
    for (const f of ['a', 'b'])
      expect(r.stdout).toContain(
        `${f}.quiz.json:1:109: error: JSON nested more than 64 levels deep; a bank needs fewer than 10`,
      );
  });

  it('a FIFO and a symlink to /dev/zero in a folder: refused at once, memory stays small', async () => {
    const dir = join(tmp, 'special');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'x.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    for (const args of [['special'], ['special/x.md', 'special/zero.md']]) {
      const r = await quizdeck(tmp, 'check', ...args);
      expect(r.code).toBe(1);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK);
      expect(r.stdout).toContain(
        'special/x.md:1:1: error: is not a regular file (a device, FIFO or socket); it is not read',
      );
      expect(r.stdout).toContain(
        'special/zero.md:1:1: error: is a symlink to a file outside the folder being read; it is not read',
      );
    }
  });

  it('images: a symlink out, an absolute path and .. are outside the bank folder; a missing one is named', async () => {
    const dir = join(tmp, 'pics');
    mkdirSync(dir);
    symlinkSync('/etc/passwd', join(dir, 'passwd.png'));
    writeFileSync(join(dir, 'ok.png'), 'pixels');
    writeFileSync(
      join(dir, 'bank.md'),
      '# Pics\n\n1. Which? ![](ok.png)\n\n- A RIGHT. a\n- B. b\n\n2. And? ![](passwd.png) ![](/etc/hostname) ![](../bank.md) ![](missing.png)\n\n- A RIGHT. a\n- B. b\n',
    );
    const r = await quizdeck(tmp, 'check', 'pics/bank.md');
    expect(r.code).toBe(1);
    const at = 'pics/bank.md:8:1: error: q2: image';
    const outside =
      "is outside the bank's folder; an image must be a file in the bank's folder or below it";
    expect(r.stdout.trim().split('\n')).toEqual([
      `${at} "passwd.png" ${outside}`,
      `${at} "/etc/hostname" ${outside}`,
      `${at} "../bank.md" ${outside}`,
      `${at} "missing.png" cannot be read: no such file`,
    ]);
  });
});
