import { availableParallelism, loadavg } from 'node:os';

// The loading target of issue 10 §8 and how the benchmarks measure against it. The machine is
// shared (other engineers' tests run at the same time), so wall time alone says little: every run
// is timed in CPU time of this process (user + system) as well, and both are printed.

/** Parse and validate with file:line positions, for every bank format (issue 10 §8). */
export const TARGET_QUESTIONS_PER_SECOND = 20_000;

export interface Timing {
  /** Median wall-clock time of one run, ms. */
  wallMs: number;
  /** Median CPU time (user + system) of this process during one run, ms. */
  cpuMs: number;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Times `runs` calls of fn (after the caller's warm-up), medians of wall and CPU time. */
export async function measure(runs: number, fn: () => unknown): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

const qps = (questions: number, ms: number) => questions / (ms / 1000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The machine's load averages (1, 5, 15 minutes), printed with the figures. */
export const loadLine = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} on ${availableParallelism()} cores`;

/**
 * One line per clock: questions/s, the ratio to the target and whether it is met. CPU time is the
 * figure to judge on a loaded machine; wall time is what a user waits.
 */
export function rateLines(questions: number, t: Timing, indent = '  '): string[] {
  return (
    [
      ['cpu ', t.cpuMs],
      ['wall', t.wallMs],
    ] as const
  ).map(([clock, ms]) => {
    const rate = qps(questions, ms);
    const ratio = rate / TARGET_QUESTIONS_PER_SECOND;
    return `${indent}${clock} ${ms.toFixed(0).padStart(6)} ms ${fmt(rate).padStart(8)} questions/s = ${ratio.toFixed(2)}x the target of ${fmt(TARGET_QUESTIONS_PER_SECOND)}: ${ratio >= 1 ? 'met' : 'NOT met'}`;
  });
}
