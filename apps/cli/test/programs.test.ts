import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoDir } from './run-cli';

// Inside the repository, where the README's commands are typed (pnpm finds the workspace above).
mkdirSync(join(repoDir, 'node_modules/.cache'), { recursive: true });
const tmp = mkdtempSync(join(repoDir, 'node_modules/.cache/quizdeck-programs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A README command exactly as typed, `pnpm …` in `cwd`, without the tests' own pnpm settings. */
function pnpm(
  cwd: string,
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of Object.keys(env)) if (/^(npm|pnpm)_/i.test(k) || k === 'INIT_CWD') delete env[k];
  // The test runner puts node_modules/.bin folders on PATH; a user's shell has none.
  env.PATH = (env.PATH ?? '')
    .split(':')
    .filter((p) => !p.includes('node_modules'))
    .join(':');
  // `pnpm bot --help` must not need a token, so there is none.
  delete env.DISCORD_TOKEN;
  return new Promise((resolve) => {
    execFile('pnpm', args, { cwd, env }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, code: error ? Number(error.code ?? 1) : 0 }),
    );
  });
}

/** Nothing but the program's own lines: no `$ tsx …` echo, no ELIFECYCLE, no `>` banner. */
const noNoise = (r: { stdout: string; stderr: string }) => {
  for (const out of [r.stdout, r.stderr]) {
    expect(out).not.toMatch(/ELIFECYCLE|^\$ |^> |tsx /m);
  }
};

describe('the three programs, run as the README says', { timeout: 120_000 }, () => {
  it('reject an unknown flag with the closest known one, exit 2, one line', async () => {
    const cases: [string[], string][] = [
      [
        ['quizdeck', 'shapes', '--cell', 'rnn', '--input', '3', '--hidden', '4', '--layer', '2'],
        'quizdeck shapes: unknown flag --layer; did you mean --layers?\n',
      ],
      [
        ['quizdeck', 'check', '--jsno', 'banks'],
        'quizdeck check: unknown flag --jsno; did you mean --json?\n',
      ],
      [['quizdeck', 'chek', 'banks'], 'quizdeck: unknown command "chek"; did you mean check?\n'],
      [['anki', '--tags', 'x'], 'quizdeck anki: unknown flag --tags; did you mean --tag?\n'],
      [['bot', '--verbose'], 'quizdeck bot: unknown flag --verbose; this command takes no flags\n'],
      [
        ['bot', 'register', '--gild', '1'],
        'quizdeck bot register: unknown flag --gild; this command takes no flags\n',
      ],
      [['bot', 'regster'], 'quizdeck bot: unknown command "regster"; did you mean register?\n'],
    ];
    for (const [args, message] of cases) {
      const r = await pnpm(repoDir, ...args);
      expect([r.stderr, r.stdout, r.code]).toEqual([message, '', 2]);
    }
  });

  it('print --help (without starting the bot or needing a token) and --version', async () => {
    const helps: [string[], string | RegExp][] = [
      [['quizdeck', '--help'], 'Usage: quizdeck COMMAND'],
      [['quizdeck', 'shapes', '--help'], '--layers <LAYERS>'],
      [['quizdeck', 'check', '-h'], '--ignore <GLOB>'],
      [['anki', '--help'], '-o, --output <OUTPUT>'],
      [['bot', '--help'], /\n {2}register +Register the slash commands/],
      [['bot', 'register', '--help'], 'Usage: quizdeck bot register'],
    ];
    for (const [args, text] of helps) {
      const r = await pnpm(repoDir, ...args);
      expect(r.stdout).toMatch(text);
      expect([r.stderr, r.code]).toEqual(['', 0]);
    }
    for (const [args, name] of [
      [['quizdeck', '--version'], 'quizdeck'],
      [['quizdeck', 'show', '--version'], 'quizdeck'],
      [['anki', '--version'], 'quizdeck anki'],
      [['bot', '--version'], 'quizdeck bot'],
    ] as const) {
      const r = await pnpm(repoDir, ...args);
      expect(r.stdout).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+\\n$`));
      expect(r.code).toBe(0);
    }
  });

  it('print errors once as `quizdeck <command>: message`, no stack and no pnpm noise', async () => {
    const convert = await pnpm(repoDir, 'quizdeck', 'convert', 'banks/rnn-quiz.md', '--to', 'xml');
    expect([convert.stderr, convert.code]).toEqual([
      'quizdeck convert: --to must be json, yaml or md (got "xml")\n',
      1,
    ]);
    noNoise(convert);
    const bot = await pnpm(repoDir, 'bot');
    expect(bot.stderr).toMatch(
      /^quizdeck bot: DISCORD_TOKEN is not set: .*docs\/discord-setup\.md/,
    );
    expect(bot.stderr).not.toMatch(/\n\s+at /);
    expect(bot.code).toBe(1);
    noNoise(bot);
    const check = await pnpm(repoDir, 'quizdeck', 'check', 'banks/rnn-quiz.md');
    expect([check.stdout, check.stderr, check.code]).toEqual([
      '',
      'banks/rnn-quiz.md: ok, 10 questions\n',
      0,
    ]);
  });

  it('resolve paths against the folder the command is typed in; `pnpm anki FOLDER` reads every bank', async () => {
    mkdirSync(join(tmp, 'week/sub'), { recursive: true });
    writeFileSync(
      join(tmp, 'week/a.md'),
      '1. Pick one?\n<!-- quizdeck: {id: a1} -->\n\n- A RIGHT. yes\n- B. no\n',
    );
    writeFileSync(
      join(tmp, 'week/sub/b.md'),
      '---\nid: b\n---\n\n1. Pick?\n<!-- quizdeck: {id: b1} -->\n\n- A. x\n- B RIGHT. y\n',
    );
    writeFileSync(join(tmp, 'week/README.md'), '# Week 3\n\n1. Read the slides\n2. Do the quiz\n');
    const r = await pnpm(tmp, 'anki', 'week', '-o', 'week.apkg');
    expect(r.stderr).toBe('week/README.md: skipped: no question-like line, so not a bank\n');
    expect(r.stdout).toBe(`wrote ${join(tmp, 'week.apkg')}: 2 notes\n`);
    expect(r.code).toBe(0);
    noNoise(r);
  });
});
