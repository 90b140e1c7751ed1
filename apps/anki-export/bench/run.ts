// `pnpm bench`: quizdeck's export of 1,000 / 10,000 / 100,000 generated questions against
// anki-apkg-export's own addCard path (current sql.js injected) on 4,000, in the same run. Each
// measurement runs in its own process so its peak RSS is its own. Prints figures; fails on nothing.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

interface Measurement {
  mode: string;
  count: number;
  ms: number;
  cpuMs: number;
  bytes: number;
  maxRssMb: number;
}

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const script = fileURLToPath(new URL('./measure.ts', import.meta.url));

function measure(mode: 'quizdeck' | 'baseline', count: number): Measurement {
  const out = execFileSync(process.execPath, ['--import', tsx, script, mode, String(count)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'], // warnings, if any, show up in the output
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

const perQuestion = (m: Measurement) => m.ms / m.count;
const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

const baseline = measure('baseline', 4_000);
const rows = [1_000, 10_000, 100_000].map((count) => measure('quizdeck', count));

console.log('export of generated RNN drills (time excludes generating the bank)');
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(`${availableParallelism()} CPUs, load average ${load}: wall time grows with load\n`);
console.log(
  '  what                           questions     wall s    CPU s   ms/question   ×baseline   peak RSS MB   .apkg MB',
);
for (const m of [baseline, ...rows]) {
  const name = m.mode === 'baseline' ? 'anki-apkg-export addCard' : 'quizdeck exportDeck';
  const ratio = perQuestion(baseline) / perQuestion(m);
  console.log(
    `  ${name.padEnd(28)} ${String(m.count).padStart(10)} ${fmt(m.ms / 1000, 2)}${fmt(m.cpuMs / 1000, 2)}    ${fmt(perQuestion(m), 4)}   ${fmt(ratio)}     ${fmt(m.maxRssMb, 0)}   ${fmt(m.bytes / 2 ** 20, 2)}`,
  );
}
const big = rows.at(-1);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log('\ntargets (wall time, this run):');
for (const m of rows) {
  const ratio = perQuestion(baseline) / perQuestion(m);
  console.log(
    `  ${m.count} questions: ${ratio.toFixed(1)}× the baseline per question (≥ 20×): ${verdict(ratio >= 20)}`,
  );
}
if (big) {
  console.log(
    `  ${big.count} questions in ${(big.ms / 1000).toFixed(2)} s (< 10 s): ${verdict(big.ms < 10_000)}`,
  );
  console.log(
    `  peak RSS ${big.maxRssMb.toFixed(0)} MB (< 1,500 MB): ${verdict(big.maxRssMb < 1_500)}`,
  );
}
