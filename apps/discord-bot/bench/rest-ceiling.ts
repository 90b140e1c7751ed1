// REST ceiling: how many channels can run 30-second rounds at once before close → reveal p95
// passes 2 s, with the emulator enforcing Discord's real REST limits (50 requests per second per
// bot token, sliding; reactions 1 per 250 ms per channel): one bot process straight to "Discord"
// (the baseline), and two processes of the same token (shards 0 and 1 of 2, a SQLite file each)
// behind one `bot proxy`. Rounds run on a time scale (QUIZDECK_TIME_SCALE, the reveal pause with
// it) so the bench takes minutes; the REST limits are not scaled. It prints each run, the ceiling
// of each set-up, and the bound the budget puts on it.
// Usage: pnpm bench (or: npx tsx bench/rest-ceiling.ts [--scale 0.1] [--channels 20,75,100] [--questions 3])
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator, type RecordedMessage } from '@quizdeck/discord-emulator';
import Database from 'better-sqlite3';
import { answerWhenOpen, LETTERS, pct, title } from './figures';

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const SCALE = flag('scale', 0.1);
// The first count is under the budget's bound, so its cycle is the unhurried one.
const at = process.argv.indexOf('--channels');
const LADDER = (at >= 0 ? String(process.argv[at + 1]) : '20,75,100').split(',').map(Number);
const SECONDS = 30;
const QUESTIONS = flag('questions', 3);
const MEMBERS = 3;
const TARGET_P95_MS = 2000;
const REVEAL_PAUSE_MS = 5000; // the bot's default, scaled like the rounds
const appDir = fileURLToPath(new URL('..', import.meta.url));
const banks = fileURLToPath(new URL('../../../banks', import.meta.url));
const built = join(appDir, 'dist', 'main.js');

interface Run {
  setup: string;
  channels: number;
  p50: number;
  p95: number;
  rounds: number;
  revealed: number;
  /** Requests counted against the global limit per round and channel, leaderboards included. */
  perRound: number;
  peakPerSecond: number;
  global429s: number;
  /** Mean time from one round's post to the next one's, per channel. */
  cycleS: number;
  elapsedS: number;
  load: number;
}

function started(args: string[], env: NodeJS.ProcessEnv, dir: string) {
  const child = spawn(process.execPath, [built, ...args], {
    cwd: dir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const out = { log: '' };
  child.stderr?.on('data', (d: Buffer) => {
    out.log += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, out, exited };
}

async function stop(p: { child: ChildProcess; exited: Promise<void> }) {
  p.child.kill('SIGTERM');
  await p.exited;
}

async function measure(processes: 1 | 2, channels: number): Promise<Run> {
  const emu = await DiscordEmulator.start();
  const dir = mkdtempSync(join(tmpdir(), 'quizdeck-ceiling-'));
  const bare = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const proxy =
    processes === 2
      ? started(['proxy'], { ...bare, QUIZDECK_PROXY_PORT: '0', DISCORD_API_URL: emu.restUrl }, dir)
      : undefined;
  const apiUrl = proxy
    ? await emu.waitFor(() => /listening on (\S+),/.exec(proxy.out.log)?.[1], { timeoutMs: 20_000 })
    : emu.restUrl;
  const parts = Array.from({ length: processes }, (_, p) => {
    const guild = emu.createGuild({
      name: `Bench ${p}`,
      ...(processes > 1 ? { shard: [p, processes] as const } : {}),
    });
    const share = Math.floor(channels / processes) + (p < channels % processes ? 1 : 0);
    const channelIds = Array.from(
      { length: share },
      (_, i) => emu.createChannel(guild.id, { name: `quiz-${i}` }).id,
    );
    const memberIds = Array.from(
      { length: MEMBERS },
      (_, i) => emu.createMember(guild.id, { username: `m${p}-${i}` }).id,
    );
    const dbPath = join(dir, `quizdeck-${p}.db`);
    const env = {
      ...bare,
      DISCORD_TOKEN: emu.bot.token,
      DISCORD_APPLICATION_ID: emu.bot.applicationId,
      DISCORD_GUILD_ID: guild.id,
      DISCORD_API_URL: apiUrl,
      QUIZDECK_DB: dbPath,
      QUIZDECK_BANKS: banks,
      QUIZDECK_BANKS_POLL_MS: '0',
      QUIZDECK_TIME_SCALE: String(SCALE),
      QUIZDECK_REVEAL_PAUSE_MS: String(Math.round(REVEAL_PAUSE_MS * SCALE)),
      ...(processes > 1
        ? { QUIZDECK_SHARDS: String(processes), QUIZDECK_SHARD_IDS: String(p) }
        : {}),
    };
    return { guild, channelIds, memberIds, dbPath, env };
  });
  for (const part of parts) await started(['register'], part.env, dir).exited;
  const bots = parts.map((part) => started([], part.env, dir));
  await emu.waitFor(() => bots.every((b) => b.out.log.includes('logged in as')), {
    timeoutMs: 30_000,
  });

  const all = parts.flatMap((part) => part.channelIds.map((channelId) => ({ part, channelId })));
  const before = emu.rateLimits.budget();
  const t0 = Date.now();
  // Quizzes start spread over about one round's cycle, as a server's channels would.
  const spreadMs = (SECONDS * SCALE * 1000 + REVEAL_PAUSE_MS * SCALE + 1000) / all.length;
  const starting = (async () => {
    for (const { part, channelId } of all) {
      emu.runCommand({
        guildId: part.guild.id,
        channelId,
        userId: part.guild.ownerId,
        name: 'quiz',
        subcommand: 'start',
        options: { bank: 'rnn-quiz', count: QUESTIONS, seconds: SECONDS },
      });
      await new Promise((r) => setTimeout(r, spreadMs));
    }
  })();
  // Members answer each question once it is open, a letter each.
  const answering = answerWhenOpen(
    emu,
    all.map(({ part, channelId }) => ({ channelId, memberIds: part.memberIds })),
    (i) => [LETTERS[i % 4] as string],
    100,
  );
  await starting;
  const deadline = Date.now() + 180_000;
  while (answering.ended.size < all.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  answering.stop();
  const elapsedS = (Date.now() - t0) / 1000;
  const after = emu.rateLimits.budget();
  const load = loadavg()[0] ?? 0;
  for (const b of bots) await stop(b);
  if (proxy) await stop(proxy);

  const latencies: number[] = [];
  const cycles: number[] = [];
  let rounds = 0;
  for (const part of parts) {
    const db = new Database(part.dbPath, { readonly: true });
    const rows = db
      .prepare(
        'SELECT channel_id AS channelId, message_id AS messageId, closes_at AS closesAt FROM rounds ORDER BY channel_id, idx',
      )
      .all() as { channelId: string; messageId: string | null; closesAt: number | null }[];
    db.close();
    rounds += rows.length;
    const byChannel = new Map<string, RecordedMessage[]>();
    for (const r of rows) {
      const msgs = byChannel.get(r.channelId) ?? emu.messages(r.channelId);
      byChannel.set(r.channelId, msgs);
      const at = msgs.findIndex((m) => m.id === r.messageId);
      const reveal = msgs.slice(at + 1).find((m) => /^Answers?: /.test(title(m)));
      if (reveal && r.closesAt !== null) latencies.push(Date.parse(reveal.createdAt) - r.closesAt);
    }
    for (const msgs of byChannel.values()) {
      const posts = msgs.filter((m) => /^Question \d+ of/.test(title(m)));
      const first = posts[0];
      const last = posts.at(-1);
      if (first && last && posts.length > 1) {
        cycles.push(
          (Date.parse(last.createdAt) - Date.parse(first.createdAt)) / (posts.length - 1),
        );
      }
    }
  }
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
  return {
    setup: processes === 1 ? '1 process' : '2 behind proxy',
    channels: all.length,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    rounds,
    revealed: latencies.length,
    perRound: (after.requests - before.requests) / Math.max(1, rounds),
    peakPerSecond: after.peakPerSecond,
    global429s: after.global429s - before.global429s,
    cycleS: cycles.reduce((a, b) => a + b, 0) / Math.max(1, cycles.length) / 1000,
    elapsedS,
    load,
  };
}

const line = (r: Run) =>
  `${r.setup.padEnd(15)} ${String(r.channels).padStart(3)} channels: close → reveal p50 ${r.p50} ms, p95 ${r.p95} ms; ${r.revealed}/${r.channels * QUESTIONS} revealed; ${r.perRound.toFixed(1)} requests/round/channel, cycle ${r.cycleS.toFixed(1)} s; peak ${r.peakPerSecond}/s, ${r.global429s} global 429s; ${r.elapsedS.toFixed(0)} s, load ${r.load.toFixed(1)}`;

const build = spawnSync('pnpm', ['--silent', 'build'], { cwd: appDir, stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build failed');
console.log(
  `REST ceiling: ${SECONDS}-second rounds × QUIZDECK_TIME_SCALE ${SCALE} (${SECONDS * SCALE} s), reveal pause ${REVEAL_PAUSE_MS * SCALE} ms, ${QUESTIONS} questions, ${MEMBERS} members a channel; REST limits real (50/s per token, reactions 1 per 250 ms per channel)`,
);
const ceilings: Record<string, { ok?: Run; over?: Run; first?: Run }> = {};
for (const processes of [1, 2] as const) {
  const found: { ok?: Run; over?: Run; first?: Run } = {};
  for (const n of LADDER) {
    const run = await measure(processes, n);
    console.log(line(run));
    found.first ??= run;
    if (run.p95 <= TARGET_P95_MS && run.revealed === run.rounds) found.ok = run;
    else {
      found.over = run;
      break;
    }
  }
  ceilings[processes === 1 ? '1 process' : '2 behind proxy'] = found;
}
for (const [setup, { ok, over, first }] of Object.entries(ceilings)) {
  if (!first) continue;
  // The budget's bound: channels × requests per round ÷ cycle ≤ 50 per second. A cycle is the
  // round, the reveal pause and the posting (its reactions go 1 per 250 ms): posting does not
  // scale with the clock, so the full-time cycle takes the posting time the first run measured.
  // Past the bound the rounds keep their length but the gaps between them grow (the cycle
  // becomes channels × requests ÷ 50 s), and a reveal waits behind the other channels' posting.
  const scaledCycle = first.cycleS;
  const posting = scaledCycle - (SECONDS + REVEAL_PAUSE_MS / 1000) * SCALE;
  const fullCycle = SECONDS + REVEAL_PAUSE_MS / 1000 + posting;
  const bound = (cycle: number) => ((50 * cycle) / first.perRound).toFixed(0);
  console.log(
    `${setup}: p95 ≤ 2 s ${ok ? `up to ${ok.channels}` : `not even at ${LADDER[0]}`}${over ? `, over at ${over.channels}` : ' (the last run)'} channels at this scale; the budget's bound (rounds on schedule) 50/s × ${scaledCycle.toFixed(1)} s cycle ÷ ${first.perRound.toFixed(1)} requests per round = ${bound(scaledCycle)} channels; at full time (${fullCycle.toFixed(1)} s cycle) ${bound(fullCycle)} channels`,
  );
}
const base = ceilings['1 process']?.ok;
const proxied = ceilings['2 behind proxy']?.ok;
if (base && proxied) {
  console.log(
    `2 behind proxy vs 1 process (baseline), last channel count under 2 s: ${(proxied.channels / base.channels).toFixed(2)}×`,
  );
}
process.exit(0);
