import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bankFilesAt, findBankFiles } from '../src/index';

const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-find-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GOOD = '1. Pick one?\n\n- A RIGHT. yes\n- B. no\n';
const files: Record<string, string> = {
  'good.md': GOOD,
  'README.md': '# Our banks\n\n1. Install pnpm\n2. Run `pnpm quizdeck check banks`\n\nSee docs.\n',
  'broken.md': '1. What is it?\n\nno options here\n',
  'keyonly.md': 'Some text\n\nAnswer: B\n',
  'sub/b.quiz.yaml': 'id: b\n',
  'sub/plain.yaml': 'id: p\n',
  'sub/notes.txt': 'not a bank',
  'drafts/d.md': GOOD,
  'x/drafts/e.md': GOOD,
  'w.notes.md': GOOD,
  '.hidden/h.md': GOOD,
  'node_modules/n.md': GOOD,
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(tmp, name, '..'), { recursive: true });
  writeFileSync(join(tmp, name), text);
}

describe('findBankFiles', () => {
  it('finds a question-like line wherever it stands in a long file, across read chunks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-find-long-'));
    const prose = 'Ein Absatz über Rückwärtsausbreitung, é à ü. '.repeat(40);
    const lines = (bytes: number) =>
      `${prose}\n`.repeat(Math.ceil(bytes / Buffer.byteLength(prose)));
    const late = `${lines(200_000)}${GOOD}`;
    // The question's line straddles the reader's 64 KiB chunks, a two-byte character at the cut.
    let head = '';
    while (Buffer.byteLength(head) < 60_000) head += `${prose}\n`;
    const start = '1. Which one ';
    const fill = 'x'.repeat(64 * 1024 - 1 - Buffer.byteLength(head) - start.length);
    const straddle = `${head}${start}${fill}é?\n`;
    expect(
      Buffer.from(straddle)
        .subarray(64 * 1024 - 1, 64 * 1024 + 1)
        .toString(),
    ).toBe('é');
    writeFileSync(join(dir, 'late.md'), late);
    writeFileSync(join(dir, 'straddle.md'), straddle);
    writeFileSync(join(dir, 'README.md'), lines(300_000));
    try {
      const found = findBankFiles(dir);
      expect(found.files).toEqual(['late.md', 'straddle.md']);
      expect(found.skipped).toEqual([
        { file: 'README.md', reason: 'no question-like line, so not a bank' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('walks a folder, sorted, skipping dot folders, node_modules, non-banks and READMEs with a reason', () => {
    const found = findBankFiles(tmp);
    expect(found.files).toEqual([
      'broken.md',
      join('drafts', 'd.md'),
      'good.md',
      'keyonly.md',
      join('sub', 'b.quiz.yaml'),
      'w.notes.md',
      join('x', 'drafts', 'e.md'),
    ]);
    expect(found.skipped).toEqual([
      { file: 'README.md', reason: 'no question-like line, so not a bank' },
      {
        file: join('sub', 'plain.yaml'),
        reason: 'in a folder, YAML and JSON banks are named *.quiz.yaml or *.quiz.json',
      },
    ]);
  });

  it('leaves out what --ignore globs name, by name at any depth or by path', () => {
    expect(findBankFiles(tmp, { ignore: ['drafts'] }).files).not.toContain(
      join('x', 'drafts', 'e.md'),
    );
    const byPath = findBankFiles(tmp, { ignore: ['drafts/**', '*.notes.md', 'sub/'] }).files;
    expect(byPath).toEqual(['broken.md', 'good.md', 'keyonly.md', join('x', 'drafts', 'e.md')]);
    expect(findBankFiles(tmp, { ignore: ['{good,broken}.md', 'READ?E.md'] }).skipped).toHaveLength(
      1,
    );
    expect(findBankFiles(tmp, { ignore: ['**/e.md'] }).files).not.toContain(
      join('x', 'drafts', 'e.md'),
    );
  });

  it('never reads a FIFO or follows a symlink to look inside it (the bank reader reports those)', () => {
    const dir = join(tmp, 'special');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    expect(findBankFiles(dir).files).toEqual(['pipe.md', 'zero.md']);
  });

  it('names what a path holds as the user gave it; a file is itself, a missing folder throws', () => {
    const at = bankFilesAt(join(tmp, 'sub'), { name: 'banks/sub' });
    expect(at.files).toEqual([
      { path: join(tmp, 'sub', 'b.quiz.yaml'), name: join('banks/sub', 'b.quiz.yaml') },
    ]);
    expect(bankFilesAt(join(tmp, 'good.md'), { name: 'g.md' }).files).toEqual([
      { path: join(tmp, 'good.md'), name: 'g.md' },
    ]);
    expect(bankFilesAt(join(tmp, 'nope.md')).files).toHaveLength(1);
    expect(() => findBankFiles(join(tmp, 'nowhere'))).toThrow(/ENOENT/);
  });
});
