import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quizdeck, repoDir } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

mkdirSync(join(tmp, 'banks/sub'), { recursive: true });
// Banks with ids of their own: `check` warns about positional ones (see ids.test.ts).
writeFileSync(
  join(tmp, 'banks/good.md'),
  '1. Pick one?\n<!-- quizdeck: {id: pick} -->\n\n- A RIGHT. yes\n- B. no\n',
);
writeFileSync(
  join(tmp, 'banks/sub/bad.md'),
  '1. Pick one?\n\n- A. yes\n- B. no\n\n2. Another?\n\n- A. x\n- B RIGHT. y\n\nAccepted answer is E.\n',
);
writeFileSync(join(tmp, 'banks/notes.txt'), 'not a bank');
const spec = '{cell: rnn, input: 50, hidden: 100, classes: 5, convention: textbook}';
writeFileSync(
  join(tmp, 'shapes.md'),
  `Intro.\n\n## 1. Size of $W_{hh}$?\n<!-- quizdeck: {id: whh, check: {quantity: shape, tensor: W_hh, spec: ${spec}}} -->\n\n- A RIGHT. 50x50\n- B. 100x100\n`,
);

describe('quizdeck check', { timeout: 30_000 }, () => {
  it('passes the bundled bank with exit 0 and no problem lines', async () => {
    const r = await quizdeck(repoDir, 'check', 'banks/rnn-quiz.md');
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('banks/rnn-quiz.md: ok, 10 questions');
    expect(r.code).toBe(0);
  });

  it('walks folders, prints file:line:col lines and exits 1', async () => {
    const r = await quizdeck(tmp, 'check', 'banks');
    expect(r.stdout.trim().split('\n')).toEqual([
      'banks/sub/bad.md:1:1: error: question 1 has no key: mark the right options RIGHT or add an "Accepted answer" line',
      'banks/sub/bad.md:11:1: error: question 2: accepted answer E is not among the options (A, B)',
    ]);
    expect(r.stderr).toContain('banks/good.md: ok, 1 question\n');
    expect(r.stderr).toContain('banks/sub/bad.md: invalid: 2 errors\n');
    expect(r.code).toBe(1);
  });

  it('reports a missing path and still checks the others', async () => {
    const r = await quizdeck(tmp, 'check', 'nope.md', 'banks/good.md');
    expect(r.stdout).toBe('nope.md:1:1: error: no such file or folder\n');
    expect(r.code).toBe(1);
  });

  it('reports a key that disagrees with the shape math at the question', async () => {
    const r = await quizdeck(tmp, 'check', 'shapes.md');
    expect(r.stdout).toMatch(
      /^shapes\.md:3:4: error: whh: the key A \("50x50"\) disagrees with the math: .*option B\n$/,
    );
    expect(r.code).toBe(1);
  });

  it('prints a machine report with --json', async () => {
    const r = await quizdeck(tmp, 'check', '--json', 'banks/good.md', 'banks/sub/bad.md');
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      files: { file: string; ok: boolean; diagnostics: unknown[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.files.map((f) => [f.file, f.ok, f.diagnostics.length])).toEqual([
      ['banks/good.md', true, 0],
      ['banks/sub/bad.md', false, 2],
    ]);
    expect(r.code).toBe(1);
  });

  it('skips a README in a folder with a note, and leaves out what --ignore names', async () => {
    mkdirSync(join(tmp, 'course/drafts'), { recursive: true });
    writeFileSync(
      join(tmp, 'course/README.md'),
      '# Course banks\n\n1. Write a quiz\n2. Check it\n',
    );
    writeFileSync(
      join(tmp, 'course/w1.md'),
      '1. Pick one?\n<!-- quizdeck: {id: pick} -->\n\n- A RIGHT. yes\n- B. no\n',
    );
    writeFileSync(join(tmp, 'course/drafts/w2.md'), '1. Unfinished?\n\n- A. yes\n- B. no\n');
    writeFileSync(join(tmp, 'course/w3.wip.md'), '1. Unfinished?\n\n- A. yes\n- B. no\n');
    const all = await quizdeck(tmp, 'check', 'course');
    expect(all.stderr).toContain(
      'course/README.md: skipped: no question-like line, so not a bank\n',
    );
    expect(all.stdout).toContain('course/drafts/w2.md:1:1: error');
    expect(all.code).toBe(1);
    const r = await quizdeck(tmp, 'check', 'course', '--ignore', 'drafts', '--ignore=*.wip.md');
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('w2.md');
    expect(r.stderr).not.toContain('w3.wip.md');
    expect(r.stderr).toContain('course/w1.md: ok, 1 question');
    expect(r.code).toBe(0);
    const json = JSON.parse(
      (
        await quizdeck(
          tmp,
          'check',
          '--json',
          'course',
          '--ignore',
          'drafts/**',
          '--ignore',
          '*.wip.md',
        )
      ).stdout,
    ) as {
      ok: boolean;
      skipped: { file: string }[];
    };
    expect(json.ok).toBe(true);
    expect(json.skipped.map((s) => s.file)).toEqual(['course/README.md']);
  });

  it('warns about an image too large for a Discord message, and only about that one', async () => {
    const dir = join(tmp, 'photos');
    mkdirSync(dir);
    writeFileSync(join(dir, 'small.png'), 'pixels');
    writeFileSync(join(dir, 'scan.png'), '');
    truncateSync(join(dir, 'scan.png'), 10 * 1024 * 1024 + 1);
    writeFileSync(
      join(dir, 'bank.md'),
      '1. Which? ![](small.png)\n<!-- quizdeck: {id: small} -->\n\n- A RIGHT. a\n- B. b\n\n2. And? ![](scan.png)\n<!-- quizdeck: {id: scan} -->\n\n- A RIGHT. a\n- B. b\n',
    );
    const r = await quizdeck(tmp, 'check', 'photos/bank.md');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'photos/bank.md:7:1: warning: scan: image "scan.png" is 10.0 MiB; Discord takes at most 10 MiB a message, so the bot posts the question without it (Anki decks still carry it)',
    ]);
  });
});
