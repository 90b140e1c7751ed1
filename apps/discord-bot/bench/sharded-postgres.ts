// Sharded load on PostgreSQL: 4 shards in 2 bot processes (shards 0,1 and 2,3), a guild on each
// shard with 50 channels quizzing at once and 100 members answering in each channel, one
// throwaway PostgreSQL cluster (.ci/postgres.sh, fsync on, pg_stat_statements loaded). Prints
// close→reveal p50/p95, peak RSS per process and database statements per round (counted by
// pg_stat_statements, BEGIN/COMMIT included), against the same load on one process running all
// 4 shards in the same run (the baseline), as ratios. The emulator's global REST limit is lifted:
// what that limit allows is bench/rest-ceiling's question; per-channel reaction limits stay.
// Usage: npx tsx bench/sharded-postgres.ts [channelsPerShard] [members] [questions] [seconds]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator } from '@quizdeck/discord-emulator';
import pg from 'pg';
import { startThrowawayPostgres } from '../test/throwaway-postgres';
import { rssKb, startFlags } from './built-bot';
import { answerWhenOpen, LETTERS, mb, pct, title } from './figures';

const [perShard = 50, members = 100, questions = 2, seconds = 10] = process.argv
  .slice(2)
  .map(Number);
const SHARDS = 4;
const appDir = fileURLToPath(new URL('..', import.meta.url));

interface Figures {
  p50: number;
  p95: number;
  revealed: number;
  answers: number;
  peakKb: number[];
  statements: number;
  leaseStatements: number;
  top: string[];
  elapsed: number;
}

async function measure(serverUrl: string, split: number[][], name: string): Promise<Figures> {
  const emu = await DiscordEmulator.start({ rateLimits: { globalPerSecond: 1_000_000 } });
  const guilds = Array.from({ length: SHARDS }, (_, shard) => {
    const guild = emu.createGuild({ name: `Bench ${shard}`, shard: [shard, SHARDS] });
    // Each channel its own members: one member answering the same question in several channels
    // at once makes their review cards' gradings conflict and retry, which no study group does.
    const channels = Array.from({ length: perShard }, (_, c) => ({
      id: emu.createChannel(guild.id, { name: `quiz-${c}` }).id,
      memberIds: Array.from(
        { length: members },
        (_, i) => emu.createMember(guild.id, { username: `m${shard}-${c}-${i}` }).id,
      ),
    }));
    return { ...guild, channels };
  });
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = (ids: number[]) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DISCORD_TOKEN: emu.bot.token,
    DISCORD_APPLICATION_ID: emu.bot.applicationId,
    DISCORD_API_URL: emu.restUrl,
    QUIZDECK_DB: url.toString(),
    QUIZDECK_SHARDS: String(SHARDS),
    QUIZDECK_SHARD_IDS: ids.join(','),
    QUIZDECK_REVEAL_PAUSE_MS: '1000',
    QUIZDECK_LOG: 'info',
  });
  const run = (ids: number[], args: string[]) =>
    spawn(process.execPath, [...startFlags, 'dist/main.js', ...args], {
      cwd: appDir,
      env: env(ids),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  await new Promise((resolve) => run([0], ['register']).once('exit', resolve));
  const bots = split.map((ids) => {
    const child: ChildProcess = run(ids, []);
    const out = { log: '' };
    child.stderr?.on('data', (d: Buffer) => {
      out.log += d.toString();
    });
    return { child, out };
  });
  for (const b of bots) {
    await emu.waitFor(() => b.out.log.includes('logged in as'), { timeoutMs: 60_000 });
  }
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await db.query('SELECT pg_stat_statements_reset()');

  const started = Date.now();
  for (const g of guilds) {
    for (const { id: channelId } of g.channels) {
      emu.runCommand({
        guildId: g.id,
        channelId,
        userId: g.ownerId,
        name: 'quiz',
        subcommand: 'start',
        options: { bank: 'rnn-quiz', count: questions, seconds },
      });
    }
  }
  // Members answer each question once it shows its close time, a letter each.
  const channels = guilds.flatMap((g) =>
    g.channels.map((c) => ({ channelId: c.id, memberIds: c.memberIds })),
  );
  const answering = answerWhenOpen(emu, channels, (i) => [LETTERS[i % 4] as string], 50);
  while (answering.ended.size < channels.length) {
    const gone = bots.find((b) => b.child.exitCode !== null);
    if (gone) throw new Error(`a bot process exited mid-run:\n${gone.out.log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  answering.stop();
  const elapsed = (Date.now() - started) / 1000;
  const peakKb = bots.map((b) => rssKb(b.child.pid as number, 'VmHWM'));

  const calls = await db.query<{ query: string; calls: string }>(
    `SELECT s.query, s.calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = current_database() AND s.query NOT ILIKE '%pg_stat_statements%'`,
  );
  const statements = calls.rows.reduce((n, r) => n + Number(r.calls), 0);
  const revealedRounds = Number(
    (await db.query(`SELECT COUNT(*) AS n FROM rounds WHERE state = 'revealed'`)).rows[0]?.n,
  );
  const top = [...calls.rows]
    .sort((a, b) => Number(b.calls) - Number(a.calls))
    .slice(0, 6)
    .map(
      (r) =>
        `  ${(Number(r.calls) / revealedRounds).toFixed(1).padStart(6)} a round: ${r.query.replace(/\s+/g, ' ').slice(0, 90)}`,
    );
  const leaseStatements = calls.rows
    .filter((r) => /shard_leases/i.test(r.query) && !/EXISTS/i.test(r.query))
    .reduce((n, r) => n + Number(r.calls), 0);
  const rounds = await db.query<{ channelId: string; messageId: string; closesAt: string }>(
    `SELECT channel_id AS "channelId", message_id AS "messageId", closes_at AS "closesAt"
     FROM rounds WHERE state = 'revealed'`,
  );
  const latencies: number[] = [];
  for (const r of rounds.rows) {
    const msgs = emu.messages(r.channelId);
    const at = msgs.findIndex((m) => m.id === r.messageId);
    const reveal = msgs.slice(at + 1).find((m) => /^Answers?: /.test(title(m)));
    if (reveal) latencies.push(Date.parse(reveal.createdAt) - Number(r.closesAt));
  }
  const answers = Number((await db.query('SELECT COUNT(*) AS n FROM answers')).rows[0]?.n);
  await db.end();
  for (const b of bots) b.child.kill('SIGTERM');
  await Promise.all(bots.map((b) => new Promise((r) => b.child.once('exit', r))));
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await emu.stop();
  return {
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    revealed: latencies.length,
    answers,
    peakKb,
    statements,
    leaseStatements,
    top,
    elapsed,
  };
}

const build = spawnSync('pnpm', ['--silent', 'build'], { cwd: appDir, stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build failed');
// Always a cluster of its own (even under CI's QUIZDECK_TEST_PG_URL): the counts need
// pg_stat_statements loaded at the server's start, and the figures a server that syncs.
const cluster = startThrowawayPostgres(
  '-c fsync=on -c shared_preload_libraries=pg_stat_statements',
);
const serverUrl = cluster.url;
const roundsAsked = SHARDS * perShard * questions;
console.log(
  `${SHARDS} shards × ${perShard} channels × ${members} members, ${questions} questions of ${seconds} s, on PostgreSQL (throwaway cluster, fsync on); load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
try {
  const two = await measure(
    serverUrl,
    [
      [0, 1],
      [2, 3],
    ],
    'quizdeck_bench_two',
  );
  const one = await measure(serverUrl, [[0, 1, 2, 3]], 'quizdeck_bench_one');
  const line = (label: string, f: Figures) =>
    `${label}: close → reveal p50 ${f.p50} ms, p95 ${f.p95} ms; peak RSS ${f.peakKb.map(mb).join(' + ')} MB; ${(f.statements / f.revealed).toFixed(1)} statements a round (${f.statements} in all, ${f.leaseStatements} of them lease renewals); ${f.revealed}/${roundsAsked} rounds revealed, ${f.answers} answers; ${f.elapsed.toFixed(1)} s`;
  console.log(line('2 processes (shards 0,1 | 2,3)', two));
  console.log(two.top.join('\n'));
  console.log(line('1 process (shards 0-3), baseline', one));
  console.log(
    `2 processes vs 1: p95 ${(two.p95 / one.p95).toFixed(2)}×, p50 ${(two.p50 / one.p50).toFixed(2)}×, largest process RSS ${(Math.max(...two.peakKb) / Math.max(...one.peakKb)).toFixed(2)}×, statements a round ${(two.statements / two.revealed / (one.statements / one.revealed)).toFixed(2)}×; load average now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  cluster.stop();
}
process.exit(0);
