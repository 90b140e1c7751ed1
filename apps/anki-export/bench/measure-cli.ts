// `pnpm anki` as a user runs it, in a fresh process: process start, loading the bank files,
// rendering and writing are all in the wall time (taken here, around the process).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const usage = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

export interface CliMeasurement {
  count: number;
  ms: number;
  /** CPU time of the process, all threads. */
  cpuMs: number;
  maxRssMb: number;
}

export function measureCli(files: readonly string[], count: number): CliMeasurement {
  const output = join(dirname(files[0] ?? '.'), 'bench.apkg');
  rmSync(output, { force: true }); // no previous export: a first export
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', tsx, '--import', usage, main, ...files, '-o', output],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, SOURCE_DATE_EPOCH: '1750000000' },
      maxBuffer: 16 << 20,
    },
  );
  const ms = performance.now() - start;
  rmSync(output, { force: true });
  if (run.status !== 0) throw new Error(`pnpm anki failed: ${run.stderr.slice(-500)}`);
  const last = run.stderr.trim().split('\n').at(-1) ?? '{}';
  const { cpuMs, maxRssMb } = JSON.parse(last) as { cpuMs: number; maxRssMb: number };
  return { count, ms, cpuMs, maxRssMb };
}
