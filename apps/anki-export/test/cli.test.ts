import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { deckId, FIELDS, loadBank } from '../src/index';
import { readApkg } from './read-apkg';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
const BUNDLED = fileURLToPath(new URL('../../../banks/rnn-quiz.md', import.meta.url));

function run(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsx, main, ...args],
      // pnpm sets INIT_CWD to the folder the command was typed in; the process runs elsewhere.
      { cwd: tmpdir(), env: { ...process.env, INIT_CWD: cwd, SOURCE_DATE_EPOCH: '1750000000' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizdeck-anki-cli-'));
});

describe('quizdeck-anki', () => {
  it('exports the bundled RNN bank to rnn-quiz.apkg in the user folder, reproducibly', async () => {
    const first = await run([], dir);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(join(dir, 'rnn-quiz.apkg'));
    const bytes = await readFile(join(dir, 'rnn-quiz.apkg'));
    const bank = (await loadBank(BUNDLED)).bank;
    const deck = await readApkg(bytes);
    expect(deck.notes.map((n) => n.flds[FIELDS.indexOf('Id')])).toEqual(
      bank.questions.map((q) => `rnn-quiz/${q.id}`),
    );
    expect(deck.notes.every((n) => n.mod === 1_750_000_000)).toBe(true);
    await run([], dir);
    expect((await readFile(join(dir, 'rnn-quiz.apkg'))).equals(bytes)).toBe(true);
  }, 60_000);

  it('takes banks relative to the user folder with -o, --deck, --tag and --shuffle', async () => {
    const fixtures = new URL('./fixtures/', import.meta.url);
    await copyFile(new URL('fixture-bank.json', fixtures), join(dir, 'bank.json'));
    await copyFile(new URL('dot.png', fixtures), join(dir, 'dot.png'));
    const result = await run(
      ['bank.json', '-o', 'out.apkg', '--deck', 'Course::Week 3', '--tag', 'exam', '--shuffle'],
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('3 notes, 1 image');
    const deck = await readApkg(await readFile(join(dir, 'out.apkg')));
    expect(deck.cards.every((c) => c.did === deckId('Course::Week 3'))).toBe(true);
    expect(deck.notes.every((n) => n.tags.includes(' exam '))).toBe(true);
    expect(deck.notes.every((n) => n.flds[FIELDS.indexOf('Shuffle')] === '1')).toBe(true);
  }, 60_000);

  it('stops on an invalid bank with file:line messages and exit code 1', async () => {
    await writeFile(
      join(dir, 'broken.yaml'),
      'id: broken\ntitle: Broken\nquestions:\n  - id: x\n    prompt: Pick\n    options: [{ key: A, text: a }]\n    answer: [A]\n    multiple: false\n',
    );
    const result = await run(['broken.yaml'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${join(dir, 'broken.yaml')}:\\d+:\\d+: error: `));
    expect(result.stdout).toBe('');
  }, 60_000);
});
