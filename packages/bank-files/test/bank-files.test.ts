import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankError, MAX_BANK_BYTES } from '@quizdeck/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBankFile, readBankFile, readBankFileSync } from '../src/index';
import { readRegularFile, readRegularFileSync } from '../src/regular-file';

const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-bank-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GOOD = '1. Pick one?\n\n- A RIGHT. yes\n- B. no\n';
const BAD = '1. Pick one?\n\n- A. yes\n- B. no\n';
mkdirSync(join(tmp, 'banks/sub'), { recursive: true });
mkdirSync(join(tmp, 'banks/.hidden'), { recursive: true });
mkdirSync(join(tmp, 'banks/node_modules'), { recursive: true });
writeFileSync(join(tmp, 'banks/good.md'), GOOD);
writeFileSync(join(tmp, 'banks/sub/bad.md'), BAD);
writeFileSync(join(tmp, 'banks/sub/c.quiz.yaml'), 'id: c\n');
writeFileSync(join(tmp, 'banks/plain.yaml'), 'id: p\n');
writeFileSync(join(tmp, 'banks/notes.txt'), 'not a bank');
writeFileSync(join(tmp, 'banks/.hidden/h.md'), GOOD);
writeFileSync(join(tmp, 'banks/node_modules/n.md'), GOOD);
const path = (p: string) => join(tmp, p);

/** The single diagnostic of a file that could not be read, as `code: message`. */
const fileProblem = (r: { bank: unknown; diagnostics: { code: string; message: string }[] }) => {
  expect(r.bank).toBeUndefined();
  expect(r.diagnostics).toHaveLength(1);
  return `${r.diagnostics[0]?.code}: ${r.diagnostics[0]?.message}`;
};

describe('readBankFile / readBankFileSync', () => {
  for (const [how, read] of [
    ['async', readBankFile],
    ['sync', readBankFileSync],
  ] as const) {
    it(`${how}: parses a bank and names it as asked in diagnostics`, async () => {
      const ok = await read(path('banks/good.md'), { name: 'good.md' });
      expect(ok.bank?.questions).toHaveLength(1);
      const bad = await read(path('banks/sub/bad.md'), { name: 'sub/bad.md' });
      expect(bad.diagnostics.map((d) => `${d.file}:${d.line}:${d.severity}`)).toEqual([
        'sub/bad.md:1:error',
      ]);
      const unnamed = await read(path('banks/sub/bad.md'));
      expect(unnamed.diagnostics[0]?.file).toBe(path('banks/sub/bad.md'));
    });

    it(`${how}: reports unreadable files as one diagnostic at 1:1, never throwing`, async () => {
      expect(fileProblem(await read(path('nope.md'), { name: 'nope.md' }))).toBe(
        'read: no such file',
      );
      const missing = await read(path('nope.md'), { name: 'nope.md' });
      expect(missing.diagnostics[0]).toMatchObject({ file: 'nope.md', line: 1, col: 1 });
      expect(fileProblem(await read(path('banks/notes.txt')))).toBe(
        'format: unknown bank format (use .md, .quiz.yaml or .quiz.json)',
      );
      mkdirSync(path('folder.md'), { recursive: true });
      expect(fileProblem(await read(path('folder.md')))).toBe('read: is a folder, not a bank file');
    });

    it(`${how}: refuses a file over MAX_BANK_BYTES before reading it`, async () => {
      // Sparse: the size is real, the disk is not used.
      writeFileSync(path('big.md'), '');
      truncateSync(path('big.md'), MAX_BANK_BYTES + 1);
      expect(fileProblem(await read(path('big.md')))).toBe(
        `too-large: file is 160.0 MiB; a bank may be at most 160 MiB (167,772,160 bytes)`,
      );
    });

    it(`${how}: reads only regular files: a FIFO does not hang, /dev/zero does not grow memory`, async () => {
      mkdirSync(path(`${how}-special`), { recursive: true });
      execFileSync('mkfifo', [path(`${how}-special/x.md`)]);
      symlinkSync('/dev/zero', path(`${how}-special/zero.md`));
      expect(fileProblem(await read(path(`${how}-special/x.md`)))).toBe(
        'read: is not a regular file (a device, FIFO or socket); it is not read',
      );
      // Outside the folder being read, so refused before it is opened ...
      expect(fileProblem(await read(path(`${how}-special/zero.md`)))).toBe(
        'outside: is a symlink to a file outside the folder being read; it is not read',
      );
      // ... and, with the whole disk as the folder, refused for what it is.
      expect(fileProblem(await read(path(`${how}-special/zero.md`), { folder: '/' }))).toBe(
        'read: is not a regular file (a device, FIFO or socket); it is not read',
      );
    });

    it(`${how}: follows a symlink only while it stays inside the folder being read`, async () => {
      mkdirSync(path(`${how}-linked/sub`), { recursive: true });
      writeFileSync(path(`${how}-outside.md`), GOOD);
      writeFileSync(path(`${how}-linked/real.md`), GOOD);
      symlinkSync(`../${how}-outside.md`, path(`${how}-linked/out.md`));
      symlinkSync('../real.md', path(`${how}-linked/sub/in.md`));
      expect(fileProblem(await read(path(`${how}-linked/out.md`)))).toMatch(/^outside: /);
      const inFolder = await read(path(`${how}-linked/sub/in.md`), {
        folder: path(`${how}-linked`),
      });
      expect(inFolder.bank?.questions).toHaveLength(1);
      // The file's own folder is the default: sub/in.md points out of sub/.
      expect(fileProblem(await read(path(`${how}-linked/sub/in.md`)))).toMatch(/^outside: /);
    });
  }

  it('enforces the limit on the bytes read, not on the size stat reports', async () => {
    // /proc files report size 0 and hold more.
    const limits = {
      folder: '/',
      maxBytes: 16,
      tooLarge: (n: number, more: boolean) => `${more ? '>' : ''}${n}`,
      outside: 'out',
      what: 'a file',
    };
    for (const read of [readRegularFile, readRegularFileSync]) {
      const r = await read('/proc/self/maps', limits);
      expect(r).toMatchObject({ code: 'too-large', message: '>16' });
    }
    const small = await readRegularFile('/proc/self/maps', { ...limits, maxBytes: 1 << 24 });
    expect('bytes' in small && small.bytes.length).toBeGreaterThan(16);
  });
});

describe('loadBankFile', () => {
  it('returns the bank with its name, warnings and locations', async () => {
    const loaded = await loadBankFile(path('banks/good.md'), { name: 'good.md' });
    expect(loaded.file).toBe('good.md');
    expect(loaded.bank.questions).toHaveLength(1);
    expect(Object.keys(loaded.locations.questions)).toHaveLength(1);
  });

  it('throws a BankError with every diagnostic for an invalid or unreadable bank', async () => {
    const bad = await loadBankFile(path('banks/sub/bad.md'), { name: 'bad.md' }).catch(
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(BankError);
    expect((bad as BankError).message).toMatch(/^bad\.md:1:1: error: question 1 has no key/);
    const missing = await loadBankFile(path('nope.md'), { name: 'nope.md' }).catch(
      (e: unknown) => e,
    );
    expect((missing as BankError).message).toBe('nope.md:1:1: error: no such file');
  });
});
