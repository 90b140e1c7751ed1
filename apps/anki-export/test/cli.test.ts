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
  epoch = '1750000000',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsx, main, ...args],
      // pnpm sets INIT_CWD to the folder the command was typed in; the process runs elsewhere.
      { cwd: tmpdir(), env: { ...process.env, INIT_CWD: cwd, SOURCE_DATE_EPOCH: epoch } },
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

  it('re-exports over the previous package: counts, --previous, --strict, a corrupt one', async () => {
    const bank = JSON.parse(
      await readFile(new URL('./fixtures/fixture-bank.json', import.meta.url), 'utf8'),
    );
    await writeFile(join(dir, 'history.json'), JSON.stringify(bank));
    const first = await run(['history.json'], dir);
    expect(first.stdout).not.toContain('changed');
    bank.questions[0].answer = ['A'];
    bank.questions[0].multiple = false;
    bank.questions.pop();
    await writeFile(join(dir, 'history.json'), JSON.stringify(bank));
    const second = await run(['history.json'], dir, '1750000100');
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain(
      `1 changed, 1 unchanged, 0 new, 1 retired (against ${join(dir, 'history.apkg')})`,
    );
    const same = await run(['history.json'], dir, '1750000100');
    expect(same.stdout).toContain('0 changed, 2 unchanged, 0 new, 1 retired');
    bank.questions[1].answer = ['B'];
    await writeFile(join(dir, 'history.json'), JSON.stringify(bank));
    const stale = await run(['history.json'], dir, '1750000100');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /^quizdeck anki: SOURCE_DATE_EPOCH=1750000100 is not later than the previous/,
    );
    // A package that is not one: one line, nothing written over it.
    await writeFile(join(dir, 'junk.apkg'), 'not a package');
    const junk = await run(['history.json', '--previous', 'junk.apkg', '-o', 'new.apkg'], dir);
    expect(junk).toMatchObject({ code: 1, stdout: '' });
    expect(junk.stderr).toBe(`quizdeck anki: ${join(dir, 'junk.apkg')}: not a zip file\n`);
    // --retire-from, the option's older name, is the same option.
    const alias = await run(['history.json', '--retire-from', 'junk.apkg', '-o', 'new.apkg'], dir);
    expect(alias.stderr).toBe(junk.stderr);
    // The file the export would replace is the previous export by default.
    await writeFile(join(dir, 'replaced.apkg'), 'not a package either');
    const replaced = await run(['history.json', '-o', 'replaced.apkg'], dir);
    expect(replaced.code).toBe(1);
    expect(replaced.stderr).toBe(
      `quizdeck anki: ${join(dir, 'replaced.apkg')}: not a zip file (read as the previous export, since the export would replace it: move it away, or write elsewhere with -o)\n`,
    );
    expect(await readFile(join(dir, 'replaced.apkg'), 'utf8')).toBe('not a package either');
    // A question put in another's place: reported, and with --strict refused.
    bank.questions[1].prompt = 'An entirely unrelated prompt about optimisers';
    bank.questions[1].options = bank.questions[1].options.map((o: { key: string }, i: number) => ({
      ...o,
      text: ['Adam', 'Momentum', 'Nesterov', 'Adagrad'][i] ?? o.key,
    }));
    await writeFile(join(dir, 'history.json'), JSON.stringify(bank));
    const strict = await run(['history.json', '--strict'], dir, '1750000200');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('fixture-bank/q2: now another question than in');
    const warned = await run(['history.json'], dir, '1750000200');
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/^warning: fixture-bank\/q2: now another question/);
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
