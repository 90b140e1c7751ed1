// Loading throughput of generated drill banks through the commands' own loading path
// (readBankFile: read, decode, parse with positions, validate), for each format, against the
// target of issue 10 §8 (core's bench/measure.ts), in CPU and wall time. Run with `pnpm bench`.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BankFormat, generateBank, MAX_BANK_BYTES, serializeBank } from '@quizdeck/core';
import { loadLine, measure, rateLines } from '../../core/bench/measure';
import { readBankFile } from '../src/index';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 20_000);
const RUNS = 3;

const dir = mkdtempSync(join(tmpdir(), 'quizdeck-load-bench-'));
const bank = generateBank({ count: QUESTIONS, seed: 'load-bench' });
const names: Record<BankFormat, string> = {
  md: 'drills.md',
  yaml: 'drills.quiz.yaml',
  json: 'drills.quiz.json',
};

console.log(
  `generated drills, ${QUESTIONS} questions; median of ${RUNS} loads after one warm-up; ${loadLine()}`,
);
try {
  for (const format of ['md', 'yaml', 'json'] as const) {
    const path = join(dir, names[format]);
    writeFileSync(path, serializeBank(bank, format));
    const bytes = statSync(path).size;
    const first = await readBankFile(path);
    if (first.bank?.questions.length !== QUESTIONS || first.diagnostics.length > 0) {
      throw new Error(`${format}: did not load cleanly: ${first.diagnostics[0]?.message}`);
    }
    const t = await measure(RUNS, () => readBankFile(path));
    console.log(`  ${format.padEnd(4)} ${(bytes / 1024 / 1024).toFixed(1).padStart(6)} MiB`);
    for (const line of rateLines(QUESTIONS, t, '       ')) console.log(line);
    console.log(
      `       ${(bytes / QUESTIONS).toFixed(0)} bytes/question: 100,000 questions ≈ ${(((bytes / QUESTIONS) * 1e5) / 1024 / 1024).toFixed(0)} MiB of the ${MAX_BANK_BYTES / 1024 / 1024} MiB limit`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
