// Spaced review benchmark: a guild of 500 members × 2,000 questions of history (a card and a
// review each: 1,000,000 of both), then /review answers as the bot runs them (answer a prompt in
// its transaction, then look up and show the member's next due question), timed one by one.
// Baseline, in the same run: the same answers on the same store without the (guild, user, due)
// index, the lookup then reading and sorting the member's cards. Prints p50/p95 per answer and the
// store's size per 100,000 reviews; SQLite always, PostgreSQL too when `.ci/postgres.sh` can start
// a throwaway cluster (or QUIZDECK_BENCH_PG_URL names a database to fill).
// Usage: pnpm bench:review (in apps/discord-bot; or: npx tsx bench/review.ts [members] [questions] [answers] [--no-pg])
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankSchema, type ReviewRating, reviewCard } from '@quizdeck/core';
import { openDriver } from '../src/db/open-store';
import { SqlStore } from '../src/db/quiz-store';
import type { SqlDriver } from '../src/db/sql';
import type { StoreLocation } from '../src/db/store';
import { answerPrompt, offerNext, type ReviewContext } from '../src/review/member-review';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test/throwaway-postgres';
import { pct } from './figures';

const [members = 500, questions = 2000, answers = 2000] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 20);
const GUILD = '1000000000000000001';
const BANK = 'bench';
const user = (i: number) => String(2_000_000_000_000_000_000n + BigInt(i));
const qid = (i: number) => `question-${String(i).padStart(4, '0')}`;

const bank = BankSchema.parse({
  id: BANK,
  title: 'Bench',
  contexts: [],
  questions: Array.from({ length: questions }, (_, i) => ({
    id: qid(i),
    prompt: `Question ${i}: which letter?`,
    options: ['A', 'B', 'C', 'D'].map((key) => ({ key, text: `Option ${key}` })),
    answer: ['B'],
    multiple: false,
    tags: [],
    notes: [],
  })),
});

// Every card's one review: a rating and a day in the last 60, so due dates spread over the past
// and the next weeks. 180 distinct outcomes, computed once.
const RATINGS: ReviewRating[] = ['again', 'hard', 'good'];
const outcomes = RATINGS.flatMap((rating) =>
  Array.from({ length: 60 }, (_, d) => reviewCard(undefined, rating, NOW - (d + 1) * DAY)),
);
const outcomeOf = (m: number, q: number) =>
  outcomes[(m * 7919 + q * 104_729) % outcomes.length] as (typeof outcomes)[number];

const row = (k: number) => `(${Array.from({ length: k }, () => '?').join(', ')})`;
const rows = (n: number, k: number) => Array.from({ length: n }, () => row(k)).join(', ');

/**
 * The guild's history, written in bulk: one graded round per question (sessions of 20), and for
 * every member and question the card and the review that round left.
 */
async function fill(driver: SqlDriver): Promise<void> {
  const roundOf: number[] = [];
  await driver.transaction(async (tx) => {
    for (let q0 = 0; q0 < questions; q0 += 20) {
      const ids = Array.from({ length: Math.min(20, questions - q0) }, (_, k) => qid(q0 + k));
      const session = await tx.get<{ id: number }>(
        `INSERT INTO sessions (guild_id, channel_id, bank_id, started_by, seconds, scoring, shuffle,
           question_ids, state, started_at, ended_at)
         VALUES (?, ?, ?, ?, 30, 'exact', 0, ?, 'finished', ?, ?) RETURNING id`,
        [
          GUILD,
          '3000000000000000001',
          BANK,
          user(0),
          JSON.stringify(ids),
          NOW - 61 * DAY,
          NOW - 61 * DAY,
        ],
      );
      for (const [idx, id] of ids.entries()) {
        const round = await tx.get<{ id: number }>(
          `INSERT INTO rounds (session_id, idx, channel_id, question_id, seed, tags, state, graded_at)
           VALUES (?, ?, ?, ?, 's', '[]', 'revealed', ?) RETURNING id`,
          [session?.id, idx, '3000000000000000001', id, NOW - 61 * DAY],
        );
        roundOf.push(Number(round?.id));
      }
    }
  });
  const cardCols = `guild_id, user_id, bank_id, question_id, due, stability, difficulty, elapsed_days,
    scheduled_days, learning_steps, reps, lapses, phase, last_review`;
  const logCols = `guild_id, user_id, bank_id, question_id, reviewed_at, rating, phase_before,
    elapsed_days, scheduled_days, stability, difficulty, due, round_id`;
  const BATCH = 250;
  for (let m = 0; m < members; m++) {
    await driver.transaction(async (tx) => {
      for (let q0 = 0; q0 < questions; q0 += BATCH) {
        const n = Math.min(BATCH, questions - q0);
        const cards: unknown[] = [];
        const logs: unknown[] = [];
        for (let q = q0; q < q0 + n; q++) {
          const { state: s, log } = outcomeOf(m, q);
          cards.push(GUILD, user(m), BANK, qid(q), s.due, s.stability, s.difficulty);
          cards.push(s.elapsedDays, s.scheduledDays, s.learningSteps, s.reps, s.lapses, s.phase);
          cards.push(s.lastReview);
          logs.push(GUILD, user(m), BANK, qid(q), log.reviewedAt, log.rating, log.phaseBefore);
          logs.push(log.elapsedDays, log.scheduledDays, log.stability, log.difficulty, log.due);
          logs.push(roundOf[q]);
        }
        await tx.run(`INSERT INTO review_cards (${cardCols}) VALUES ${rows(n, 14)}`, cards);
        await tx.run(`INSERT INTO review_log (${logCols}) VALUES ${rows(n, 13)}`, logs);
      }
    });
  }
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
  graded: number;
}

/**
 * `answers` /review answers by members in turn, each as the bot does it: show the member's most
 * overdue question (a new prompt), answer it, look up the next. Times the answer and the lookup
 * after it, which is what a click on A–D waits for.
 */
async function answerLoad(ctx: ReviewContext, count = answers): Promise<Timing> {
  const times: number[] = [];
  let graded = 0;
  for (let k = 0; k < count; k++) {
    const member = { guildId: GUILD, userId: user((k * 37) % members) };
    const offer = await offerNext(ctx, member, null);
    if (offer.kind !== 'question') continue;
    const t0 = performance.now();
    const outcome = await answerPrompt(ctx, offer.prompt.id, member.userId, k % 3 ? 'B' : 'A');
    await offerNext(ctx, member, null);
    times.push(performance.now() - t0);
    if (outcome.kind === 'graded') graded++;
  }
  return { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), graded };
}

async function sizes(driver: SqlDriver, location: StoreLocation) {
  if (location.backend === 'sqlite') {
    const pages = await driver.all<{ name: string; bytes: number }>(
      `SELECT name, SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE 'review_%' OR name LIKE 'sqlite_autoindex_review_%' GROUP BY name`,
    );
    const review = pages.reduce((n, r) => n + Number(r.bytes), 0);
    const log = pages
      .filter((r) => r.name.startsWith('review_log') || r.name.includes('review_log'))
      .reduce((n, r) => n + Number(r.bytes), 0);
    return { review, log, file: statSync(location.path).size };
  }
  const one = async (table: string) =>
    Number(
      (await driver.get<{ n: string }>(`SELECT pg_total_relation_size(?) AS n`, [table]))?.n ?? 0,
    );
  const log = await one('review_log');
  const review = log + (await one('review_cards')) + (await one('review_prompts'));
  const db = Number(
    (await driver.get<{ n: string }>('SELECT pg_database_size(current_database()) AS n'))?.n ?? 0,
  );
  return { review, log, file: db };
}

const ms = (x: number) => x.toFixed(2);
const mib = (b: number) => (b / 1024 / 1024).toFixed(1);

async function run(name: string, location: StoreLocation) {
  const driver = await openDriver(location);
  const t0 = performance.now();
  await fill(driver);
  if (location.backend === 'postgres') await driver.run('ANALYZE');
  const filled = (performance.now() - t0) / 1000;
  const store = new SqlStore(driver);
  const ctx: ReviewContext = {
    reviews: store.reviews,
    catalog: { banks: new Map([[BANK, bank]]) },
    clock: () => NOW,
    scoring: async () => 'exact',
  };
  const reviews = members * questions;
  const size = await sizes(driver, location);
  // Untimed, so that neither timed run pays for a cold cache.
  await answerLoad(ctx, answers / 4);
  const indexed = await answerLoad(ctx);
  await driver.run('DROP INDEX review_cards_due');
  if (location.backend === 'postgres') await driver.run('ANALYZE review_cards');
  const scanned = await answerLoad(ctx);
  await driver.close();
  const per100k = (b: number) => mib((b / reviews) * 100_000);
  console.log(`
${name}: ${members} members × ${questions} questions = ${reviews.toLocaleString('en')} cards and reviews (filled in ${filled.toFixed(0)} s)`);
  console.log(
    `  /review answer (answer + next-due lookup), ${indexed.graded} answers: p50 ${ms(indexed.p50)} ms, p95 ${ms(indexed.p95)} ms, max ${ms(indexed.max)} ms`,
  );
  console.log(
    `  baseline without the (guild, user, due) index: p50 ${ms(scanned.p50)} ms, p95 ${ms(scanned.p95)} ms; indexed p95 is ${(indexed.p95 / scanned.p95).toFixed(2)}× the baseline's`,
  );
  console.log(
    `  size per 100,000 reviews: review tables ${per100k(size.review)} MiB (the log alone ${per100k(size.log)} MiB); whole ${location.backend === 'sqlite' ? 'file' : 'database'} ${per100k(size.file)} MiB`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'quizdeck-review-bench-'));
try {
  await run('SQLite', { backend: 'sqlite', path: join(dir, 'bench.db') });
  if (!process.argv.includes('--no-pg'))
    await withPostgres((url) => run('PostgreSQL', { backend: 'postgres', url }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** A PostgreSQL database to fill: QUIZDECK_BENCH_PG_URL, or a throwaway cluster, or none. */
async function withPostgres(use: (url: string) => Promise<void>) {
  const given = process.env.QUIZDECK_BENCH_PG_URL;
  if (given) return use(given);
  let cluster: ThrowawayPostgres;
  try {
    cluster = startThrowawayPostgres();
  } catch (err) {
    console.log(`
PostgreSQL: skipped (${(err as Error).message.split('\n')[0]})`);
    return;
  }
  try {
    await use(cluster.url);
  } finally {
    cluster.stop();
  }
}
