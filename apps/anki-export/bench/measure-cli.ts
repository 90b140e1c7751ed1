// `pnpm anki` as a user runs it, in a fresh process: the command's bin (which runs the bundle,
// built beforehand as on a user's first run), process start, loading the bank files, rendering
// and writing are all in the wall time (taken here, around the process).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/quizdeck-anki.js', import.meta.url));
const usage = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

export interface CliMeasurement {
  count: number;
  ms: number;
  /** CPU time of the process, all threads. */
  cpuMs: number;
  maxRssMb: number;
}

function run(args: readonly string[]) {
  const start = performance.now();
  const done = spawnSync(process.execPath, ['--import', usage, bin, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, SOURCE_DATE_EPOCH: '1750000000' },
    maxBuffer: 16 << 20,
  });
  const ms = performance.now() - start;
  if (done.status !== 0) throw new Error(`pnpm anki failed: ${done.stderr.slice(-500)}`);
  const last = done.stderr.trim().split('\n').at(-1) ?? '{}';
  const { cpuMs, maxRssMb } = JSON.parse(last) as { cpuMs: number; maxRssMb: number };
  return { ms, cpuMs, maxRssMb };
}

/** `pnpm anki --version`: the bundle built (or found fresh), as before a user's export. */
export function measureStart(): { ms: number; cpuMs: number } {
  return run(['--version']);
}

export function measureCli(files: readonly string[], count: number): CliMeasurement {
  const output = join(dirname(files[0] ?? '.'), 'bench.apkg');
  rmSync(output, { force: true }); // no previous export: a first export
  const m = run([...files, '-o', output]);
  rmSync(output, { force: true });
  return { count, ...m };
}
