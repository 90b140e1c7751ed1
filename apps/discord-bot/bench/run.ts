// Load benchmark: many channels quizzing at once against the emulator, the bot in its own process.
// Runs the built bot (dist/main.js, plain node) and, as the issue's baseline, the same load on the
// bot run from TypeScript through tsx; prints close→reveal latency (p50, p95) and peak RSS of each,
// and the built bot's figures against the targets and the baseline as ratios.
// With --postgres, the built bot runs the same load a second time on PostgreSQL (QUIZDECK_TEST_PG_URL's
// server, or a throwaway cluster from .ci/postgres.sh), against the built bot on SQLite.
// Usage: pnpm bench (or: npx tsx bench/run.ts [channels] [members] [questions] [seconds] [--built-only] [--postgres])
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator } from '@quizdeck/discord-emulator';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startThrowawayPostgres } from '../test/throwaway-postgres';
import { rssKb, startFlags } from './built-bot';
import { answerWhenOpen, LETTERS, mb, pct, title } from './figures';

const builtOnly = process.argv.includes('--built-only');
const onPostgres = process.argv.includes('--postgres');
const [channels = 50, members = 200, questions = 3, seconds = 10] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);
const appDir = fileURLToPath(new URL('..', import.meta.url));

interface Figures {
  p50: number;
  p95: number;
  max: number;
  revealed: number;
  answers: number;
  idleKb: number;
  peakKb: number;
  elapsed: number;
  /** PostgreSQL only: transactions committed in the bot's database per round (pg_stat_database). */
  commitsPerRound?: number;
}

async function measure(mode: 'built' | 'tsx', pgUrl?: string): Promise<Figures> {
  const emu = await DiscordEmulator.start();
  const guild = emu.createGuild({ name: 'Bench' });
  const channelIds = Array.from(
    { length: channels },
    (_, i) => emu.createChannel(guild.id, { name: `quiz-${i}` }).id,
  );
  const memberIds = Array.from(
    { length: members },
    (_, i) => emu.createMember(guild.id, { username: `m${i}` }).id,
  );
  const dir = mkdtempSync(join(tmpdir(), 'quizdeck-bench-'));
  const dbPath = join(dir, 'quizdeck.db');
  const pgDb = pgUrl === undefined ? undefined : await freshPgDatabase(pgUrl);
  const env = {
    ...process.env,
    DISCORD_TOKEN: emu.bot.token,
    DISCORD_APPLICATION_ID: emu.bot.applicationId,
    DISCORD_GUILD_ID: guild.id,
    DISCORD_API_URL: emu.restUrl,
    QUIZDECK_DB: pgDb?.url ?? dbPath,
    QUIZDECK_REVEAL_PAUSE_MS: '1000',
    QUIZDECK_LOG: 'info',
  };
  const flags = mode === 'built' ? startFlags : [];
  const entry = [
    ...flags,
    ...(mode === 'built' ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts']),
  ];
  const run = (args: string[]) =>
    spawn(process.execPath, [...entry, ...args], {
      cwd: appDir,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  await new Promise((resolve) => run(['register']).once('exit', resolve));
  const bot = run([]);
  let log = '';
  bot.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const pid = bot.pid as number;
  await emu.waitFor(() => log.includes('logged in as'), { timeoutMs: 30_000 });
  await new Promise((r) => setTimeout(r, 500));
  const idleKb = rssKb(pid, 'VmRSS');
  let peakKb = idleKb;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, rssKb(pid, 'VmRSS'));
  }, 50);

  console.log(`${mode}: bot pid ${pid}, idle after login ${mb(idleKb)} MB`);
  const started = Date.now();
  for (const channelId of channelIds) {
    emu.runCommand({
      guildId: guild.id,
      channelId,
      userId: guild.ownerId,
      name: 'quiz',
      subcommand: 'start',
      options: { bank: 'rnn-quiz', count: questions, seconds },
    });
  }
  // Members answer each question as soon as it opens: one or two letters each.
  const { ended, stop } = answerWhenOpen(
    emu,
    channelIds.map((channelId) => ({ channelId, memberIds })),
    (i) => [LETTERS[i % 4], ...(i % 3 === 0 ? [LETTERS[(i + 3) % 4]] : [])] as string[],
    50,
  );
  while (ended.size < channelIds.length) await new Promise((r) => setTimeout(r, 200));
  stop();
  clearInterval(sampler);
  peakKb = Math.max(peakKb, rssKb(pid, 'VmHWM'));
  const elapsed = (Date.now() - started) / 1000;

  // Close → reveal: the round's stored close time to the reveal message's creation.
  const { rounds, answers, commits } = pgDb ? await pgRounds(pgDb.url) : sqliteRounds(dbPath);
  const latencies: number[] = [];
  for (const r of rounds) {
    const msgs = emu.messages(r.channelId);
    const at = msgs.findIndex((m) => m.id === r.messageId);
    const reveal = msgs.slice(at + 1).find((m) => /^Answers?: /.test(title(m)));
    if (reveal) latencies.push(Date.parse(reveal.createdAt) - r.closesAt);
  }
  bot.kill('SIGTERM');
  await new Promise((r) => bot.once('exit', r));
  await emu.stop();
  await pgDb?.drop();
  rmSync(dir, { recursive: true, force: true });
  return {
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    max: Math.max(...latencies),
    revealed: latencies.length,
    answers,
    idleKb,
    peakKb,
    elapsed,
    ...(commits === undefined ? {} : { commitsPerRound: commits / rounds.length }),
  };
}

interface StoredRound {
  channelId: string;
  messageId: string;
  closesAt: number;
}

function sqliteRounds(path: string) {
  const db = new Database(path, { readonly: true });
  const rounds = db
    .prepare(
      'SELECT channel_id AS channelId, message_id AS messageId, closes_at AS closesAt FROM rounds',
    )
    .all() as StoredRound[];
  const answers = (db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n;
  db.close();
  return { rounds, answers, commits: undefined };
}

async function pgRounds(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rounds = (
      await client.query(
        'SELECT channel_id AS "channelId", message_id AS "messageId", closes_at::float8 AS "closesAt" FROM rounds',
      )
    ).rows as StoredRound[];
    const answers = (await client.query('SELECT COUNT(*)::int AS n FROM answers')).rows[0]
      .n as number;
    // The server's statistics lag up to a second behind the commits they count.
    await new Promise((r) => setTimeout(r, 1500));
    const commits = (
      await client.query(
        'SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = current_database()',
      )
    ).rows[0].n as number;
    return { rounds, answers, commits };
  } finally {
    await client.end();
  }
}

/** A new database on the server `url` names, for one measurement. */
async function freshPgDatabase(url: string) {
  const name = `quizdeck_bench_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const at = new URL(url);
  at.pathname = `/${name}`;
  return { url: at.toString(), drop: () => admin(`DROP DATABASE ${name} WITH (FORCE)`) };
}

/** QUIZDECK_TEST_PG_URL's server, or a throwaway cluster, and how to stop it. */
function pgServer(): { url: string; stop(): void } {
  const given = process.env.QUIZDECK_TEST_PG_URL;
  return given ? { url: given, stop: () => {} } : startThrowawayPostgres();
}

const build = spawnSync('pnpm', ['--silent', 'build'], { cwd: appDir, stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build failed');
console.log(
  `${channels} channels × ${members} members, ${questions} questions of ${seconds} s; built bot: node ${startFlags.join(' ')} dist/main.js`,
);
const built = await measure('built');
const baseline = builtOnly ? undefined : await measure('tsx');
const server = onPostgres ? pgServer() : undefined;
const onPg = server ? await measure('built', server.url).finally(() => server.stop()) : undefined;
const line = (name: string, f: Figures) =>
  `${name.padEnd(6)} close → reveal p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms; peak RSS ${mb(f.peakKb)} MB (idle ${mb(f.idleKb)} MB); ${f.revealed}/${channels * questions} rounds revealed, ${f.answers} answers; ${f.elapsed.toFixed(1)} s`;
console.log(line('built', built));
if (baseline) console.log(line('tsx', baseline));
if (onPg) {
  console.log(
    `${line('built on PostgreSQL', onPg)}; ${onPg.commitsPerRound?.toFixed(1)} commits a round (pg_stat_database)`,
  );
  console.log(
    `built on PostgreSQL vs SQLite in this run: p95 ${(onPg.p95 / built.p95).toFixed(2)}×, peak RSS ${(onPg.peakKb / built.peakKb).toFixed(2)}×`,
  );
}
console.log(
  `built p95 vs 500 ms target: ${(built.p95 / 500).toFixed(2)}×${baseline ? `; vs tsx in this run: ${(built.p95 / baseline.p95).toFixed(2)}×` : ''}`,
);
console.log(
  `built peak RSS vs 150 MB target: ${(built.peakKb / 1024 / 150).toFixed(2)}×${baseline ? `; vs tsx in this run: ${(built.peakKb / baseline.peakKb).toFixed(2)}×` : ''}`,
);
process.exit(0);
