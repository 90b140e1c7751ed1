// Loading throughput of generated drill banks through the commands' own loading path
// (readBankFile: read, decode, parse with positions, validate), for each format, against the
// issue's target of 20,000 questions/s. Run with `pnpm bench`.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BankFormat, generateBank, MAX_BANK_BYTES, serializeBank } from '@quizdeck/core';
import { readBankFile } from '../src/index';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 20_000);
const RUNS = 3;
const TARGET = 20_000;

const dir = mkdtempSync(join(tmpdir(), 'quizdeck-load-bench-'));
const bank = generateBank({ count: QUESTIONS, seed: 'load-bench' });
const names: Record<BankFormat, string> = {
  md: 'drills.md',
  yaml: 'drills.quiz.yaml',
  json: 'drills.quiz.json',
};

console.log(`generated drills, ${QUESTIONS} questions; median of ${RUNS} loads after one warm-up`);
try {
  for (const format of ['md', 'yaml', 'json'] as const) {
    const path = join(dir, names[format]);
    writeFileSync(path, serializeBank(bank, format));
    const bytes = statSync(path).size;
    const first = await readBankFile(path);
    if (first.bank?.questions.length !== QUESTIONS || first.diagnostics.length > 0) {
      throw new Error(`${format}: did not load cleanly: ${first.diagnostics[0]?.message}`);
    }
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await readBankFile(path);
      const cpu = process.cpuUsage(c0);
      times.push(performance.now() - t0);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
    const ms = median(times);
    const cpuMs = median(cpuTimes);
    const rate = QUESTIONS / (ms / 1000);
    console.log(
      `  ${format.padEnd(4)} ${(bytes / 1024 / 1024).toFixed(1).padStart(6)} MiB  ${ms.toFixed(0).padStart(6)} ms  ${Math.round(rate).toLocaleString('en-US').padStart(8)} questions/s  = ${(rate / TARGET).toFixed(2)}x the target of ${TARGET.toLocaleString('en-US')}: ${rate >= TARGET ? 'met' : 'NOT met'}`,
    );
    // On a shared machine the wall clock includes waiting for a CPU; CPU time (this process, all
    // its threads, so GC helpers too) is what the load itself costs.
    console.log(
      `       CPU time ${cpuMs.toFixed(0)} ms = ${Math.round(QUESTIONS / (cpuMs / 1000)).toLocaleString('en-US')} questions per CPU-second`,
    );
    console.log(
      `       ${(bytes / QUESTIONS).toFixed(0)} bytes/question: 100,000 questions ≈ ${(((bytes / QUESTIONS) * 1e5) / 1024 / 1024).toFixed(0)} MiB of the ${MAX_BANK_BYTES / 1024 / 1024} MiB limit`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
