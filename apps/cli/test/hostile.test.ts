import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cliDir, repoDir } from './run-cli';

/**
 * The hostile corpus: every `<class>.expect.json` in `hostile/` names a bank file (`<class>.<ext>`
 * beside it, or `target`) and the commands to run on it as processes. Whatever the expectation says,
 * no command may print a stack trace or a control character, abort, or run past the timeout.
 */
const HOSTILE = resolve(import.meta.dirname, 'hostile');
const ANKI_MAIN = resolve(repoDir, 'apps/anki-export/src/main.ts');
const QUIZDECK_MAIN = resolve(cliDir, 'src/main.ts');
const TSX = createRequire(import.meta.url).resolve('tsx');
const TIMEOUT_MS = 60_000;

const OutcomeSchema = z.object({
  /** Exit code; the corpus never expects a crash, so only 0 and 1 make sense. */
  exit: z.union([z.literal(0), z.literal(1)]).optional(),
  /** Substrings of stdout + stderr. */
  contains: z.array(z.string()).default([]),
  notContains: z.array(z.string()).default([]),
  /** Regular expressions (source) stdout + stderr must match. */
  matches: z.array(z.string()).default([]),
});

const ExpectSchema = OutcomeSchema.extend({
  /**
   * `check`, `show --as text`, `convert --to json`, …: a `quizdeck` subcommand, the bank path
   * inserted after its name. `anki`: `pnpm anki`'s main, writing into a temporary folder.
   */
  commands: z.array(z.string().min(1)).min(1),
  /** Overrides of the shared outcome for one command (keys as written in `commands`). */
  per: z.record(z.string(), OutcomeSchema.partial()).default({}),
  /** The path given to the commands, relative to `hostile/` (a folder, a symlink…). */
  target: z.string().optional(),
  /** Why the class is here: shown in the test name. */
  about: z.string().optional(),
});
type Expectation = z.infer<typeof ExpectSchema>;

interface Run {
  command: string;
  code: number | null;
  signal: string | null;
  out: string;
  timedOut: boolean;
}

const scratch = mkdtempSync(join(tmpdir(), 'quizdeck-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function argsFor(command: string, target: string, cls: string): string[] {
  const words = command.split(/\s+/).filter(Boolean);
  if (words[0] === 'anki') {
    return [TSX, ANKI_MAIN, target, '-o', join(scratch, `${cls}.apkg`), ...words.slice(1)];
  }
  return [TSX, QUIZDECK_MAIN, words[0] ?? '', target, ...words.slice(1)];
}

function runOne(command: string, target: string, cls: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', ...argsFor(command, target, cls)],
      {
        cwd: scratch,
        env: { ...process.env, INIT_CWD: HOSTILE, NO_COLOR: '1', FORCE_COLOR: '0' },
        timeout: TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number; signal?: string; killed?: boolean }) | null;
        done({
          command,
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          out: `${stdout}${stderr}`,
          timedOut: e?.killed === true,
        });
      },
    );
  });
}

// Tab, newline and carriage return are layout; everything else in C0/C1, DEL and the bidi
// overrides and isolates would act on the terminal or reorder what it shows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const STACK = /^\s+at .+[(:]\d+|^\s*(?:Type|Range|Reference|Syntax)?Error: |node:internal/m;

/** Problems with one run, as readable lines (empty when the run is as expected). */
function problems(run: Run, want: z.infer<typeof OutcomeSchema>): string[] {
  const out: string[] = [];
  const show = (s: string) => JSON.stringify(s.length > 400 ? `${s.slice(0, 400)}…` : s);
  if (run.timedOut) out.push(`did not finish within ${TIMEOUT_MS} ms`);
  if (run.signal) out.push(`killed by ${run.signal}`);
  if (run.code !== 0 && run.code !== 1) out.push(`exit ${run.code} (an abort or a crash)`);
  if (want.exit !== undefined && run.code !== want.exit)
    out.push(`exit ${run.code}, expected ${want.exit}`);
  const stack = STACK.exec(run.out);
  if (stack) out.push(`stack trace or raw error: ${show(stack[0])}`);
  const control = CONTROL.exec(run.out);
  if (control)
    out.push(`control character U+${control[0].codePointAt(0)?.toString(16).padStart(4, '0')}`);
  for (const s of want.contains) if (!run.out.includes(s)) out.push(`missing ${show(s)}`);
  for (const s of want.notContains) if (run.out.includes(s)) out.push(`has ${show(s)}`);
  for (const m of want.matches) if (!new RegExp(m, 'm').test(run.out)) out.push(`no match /${m}/`);
  if (out.length > 0) out.push(`output: ${show(run.out)}`);
  return out;
}

interface HostileClass {
  name: string;
  target: string;
  expect: Expectation;
}

function corpus(): HostileClass[] {
  const names = readdirSync(HOSTILE);
  return names
    .filter((n) => n.endsWith('.expect.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.expect.json'.length);
      const parsed = ExpectSchema.safeParse(JSON.parse(readFileSync(join(HOSTILE, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      const sibling = names.find((n) => n.startsWith(`${name}.`) && n !== file);
      const target = parsed.data.target ?? sibling;
      if (target === undefined) throw new Error(`${file}: no ${name}.<ext> beside it`);
      return { name, target, expect: parsed.data };
    });
}

/** Runs at most `limit` commands at once: the machine is shared. */
async function runAll(cls: HostileClass, limit = 3): Promise<Run[]> {
  const queue = [...cls.expect.commands];
  const runs: Run[] = [];
  const worker = async () => {
    for (let c = queue.shift(); c !== undefined; c = queue.shift())
      runs.push(await runOne(c, cls.target, cls.name));
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return runs.sort(
    (a, b) => cls.expect.commands.indexOf(a.command) - cls.expect.commands.indexOf(b.command),
  );
}

const classes = corpus();

describe('hostile corpus through the commands', () => {
  it('has classes', () => {
    expect(classes.length).toBeGreaterThan(0);
  });

  it.each(classes.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, cls) => {
      const runs = await runAll(cls);
      const found = runs.flatMap((run) => {
        const per = cls.expect.per[run.command] ?? {};
        const want = OutcomeSchema.parse({ ...cls.expect, ...per });
        return problems(run, want).map((p) => `${cls.target}: ${run.command}: ${p}`);
      });
      expect(found).toEqual([]);
    },
    TIMEOUT_MS * 4,
  );
});
