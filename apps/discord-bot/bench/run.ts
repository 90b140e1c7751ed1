// Load benchmark: many channels quizzing at once against the emulator, the bot in its own process.
// Prints close→reveal latency (p50, p95) and the bot's peak RSS, next to the idle bot as baseline.
// Usage: pnpm bench (or: npx tsx bench/run.ts [channels] [members] [questions] [seconds])
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator, type RecordedMessage } from '@quizdeck/discord-emulator';
import Database from 'better-sqlite3';

const [channels = 50, members = 200, questions = 3, seconds = 10] = process.argv
  .slice(2)
  .map(Number);
const appDir = fileURLToPath(new URL('..', import.meta.url));
const LETTERS = ['🇦', '🇧', '🇨', '🇩'];

const rssKb = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
};
const mb = (kb: number) => (kb / 1024).toFixed(0);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};
const title = (m: RecordedMessage) => String(m.embeds[0]?.title ?? '');

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
const env = {
  ...process.env,
  DISCORD_TOKEN: emu.bot.token,
  DISCORD_APPLICATION_ID: emu.bot.applicationId,
  DISCORD_GUILD_ID: guild.id,
  DISCORD_API_URL: emu.restUrl,
  QUIZDECK_DB: dbPath,
  QUIZDECK_REVEAL_PAUSE_MS: '1000',
  QUIZDECK_LOG: 'info',
};
const run = (args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
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

console.log(
  `${channels} channels × ${members} members, ${questions} questions of ${seconds} s; bot pid ${pid}`,
);
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
const answered = new Set<string>();
const answer = setInterval(() => {
  for (const channelId of channelIds) {
    const open = emu
      .messages(channelId)
      .filter((m) => String(m.embeds[0]?.description ?? '').includes('Closes <t:'));
    for (const q of open) {
      if (answered.has(q.id)) continue;
      answered.add(q.id);
      memberIds.forEach((userId, i) => {
        emu.react(channelId, q.id, userId, LETTERS[i % 4] as string);
        if (i % 3 === 0) emu.react(channelId, q.id, userId, LETTERS[(i + 3) % 4] as string);
      });
    }
  }
}, 50);
await emu.waitFor(
  () => channelIds.every((c) => emu.messages(c).some((m) => /^Quiz (over|stopped)/.test(title(m)))),
  { timeoutMs: 15 * 60_000, description: 'every quiz to end' },
);
clearInterval(answer);
clearInterval(sampler);
peakKb = Math.max(peakKb, rssKb(pid, 'VmHWM'));
const elapsed = (Date.now() - started) / 1000;

// Close → reveal: the round's stored close time to the reveal message's creation.
const db = new Database(dbPath, { readonly: true });
const rounds = db
  .prepare(
    'SELECT channel_id AS channelId, message_id AS messageId, closes_at AS closesAt, state FROM rounds',
  )
  .all() as { channelId: string; messageId: string; closesAt: number; state: string }[];
const latencies: number[] = [];
let answers = 0;
for (const r of rounds) {
  const msgs = emu.messages(r.channelId);
  const at = msgs.findIndex((m) => m.id === r.messageId);
  const reveal = msgs.slice(at + 1).find((m) => /^Answers?: /.test(title(m)));
  if (reveal) latencies.push(Date.parse(reveal.createdAt) - r.closesAt);
}
answers = (db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n;
db.close();
bot.kill('SIGTERM');
await new Promise((r) => bot.once('exit', r));
await emu.stop();
rmSync(dir, { recursive: true, force: true });

const p50 = pct(latencies, 50);
const p95 = pct(latencies, 95);
console.log(
  `rounds revealed: ${latencies.length}/${channels * questions}; answers stored: ${answers}`,
);
console.log(`close → reveal: p50 ${p50} ms, p95 ${p95} ms, max ${Math.max(...latencies)} ms`);
console.log(`  p95 vs 2000 ms target: ${(p95 / 2000).toFixed(2)}×`);
console.log(
  `bot RSS: peak ${mb(peakKb)} MB, idle after login ${mb(idleKb)} MB (peak ${(peakKb / idleKb).toFixed(2)}× idle); target < 250 MB`,
);
console.log(`wall time ${elapsed.toFixed(1)} s`);
process.exit(0);
