import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator } from '@quizdeck/discord-emulator';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptionOf, titleOf } from './harness';
import { killLeftovers, spawnLogged } from './spawned';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const appDir = fileURLToPath(new URL('..', import.meta.url));
const built = join(appDir, 'dist', 'main.js');
// Shaped like a bot token, known to no Discord.
const STRANGER = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';

let emu: DiscordEmulator;
let dir: string;

beforeAll(async () => {
  const build = await run('pnpm', ['--silent', 'build'], { ...process.env }, appDir);
  expect(build.status, build.stderr).toBe(0);
  emu = await DiscordEmulator.start({ rateLimits: { reactionWindowMs: 20 } });
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-bot-proc-'));
}, 60_000);

afterAll(async () => {
  killLeftovers();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = root) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    p.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    p.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The built bot as a host runs it: plain node, its settings in a .env file. */
function envFile(name: string, vars: Record<string, string>): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `${Object.entries(vars)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\n`,
  );
  return path;
}

// Only what the host's environment gives, so the .env file is what configures the bot.
const bareEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });

const startBuilt = (env: string) =>
  spawnLogged(process.execPath, [`--env-file=${env}`, built], bareEnv(), dir);

describe('the built bot as a host runs it', () => {
  it('registers, plays a quiz, shuts down gracefully on SIGTERM mid-post, and resumes', async () => {
    const guild = emu.createGuild({ name: 'Study group' });
    const channel = emu.createChannel(guild.id, { name: 'quiz' });
    const alice = emu.createMember(guild.id, { username: 'alice' });
    const dbPath = join(dir, 'quizdeck.db');
    const env = envFile('.env', {
      DISCORD_TOKEN: `${emu.bot.token}  `,
      DISCORD_APPLICATION_ID: emu.bot.applicationId,
      DISCORD_GUILD_ID: guild.id,
      DISCORD_API_URL: emu.restUrl,
      QUIZDECK_DB: dbPath,
      QUIZDECK_BANKS: join(root, 'banks'),
      QUIZDECK_TIME_SCALE: '0.1',
      QUIZDECK_REVEAL_PAUSE_MS: '10',
    });
    const register = await run(
      process.execPath,
      [`--env-file=${env}`, built, 'register'],
      bareEnv(),
    );
    expect(register.stderr).toBe('');
    expect(register.stdout).toBe(`Registered 4 commands in guild ${guild.id}.\n`);

    const first = startBuilt(env);
    await emu.waitFor(() => first.out.log.includes('logged in as'), { timeoutMs: 15_000 });
    // A second bot on the same database refuses to start instead of posting twice.
    const twice = await run(process.execPath, [`--env-file=${env}`, built], bareEnv());
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain(`quizdeck bot: ${dbPath} is in use by another quizdeck bot`);
    const start = emu.runCommand({
      guildId: guild.id,
      channelId: channel.id,
      userId: guild.ownerId,
      name: 'quiz',
      subcommand: 'start',
      options: { count: 2, seconds: 10 },
    });
    await start.response({ timeoutMs: 5000 });
    const q1 = await emu.waitForMessage(channel.id, (m) => descriptionOf(m).includes('Closes <t:'));
    emu.react(channel.id, q1.id, alice.id, '🇦');
    emu.react(channel.id, q1.id, alice.id, '🇩');
    const reveal = await emu.waitForMessage(channel.id, (m) => titleOf(m) === 'Answers: A, D');
    expect(descriptionOf(reveal)).toContain(`**Right (1):** <@${alice.id}>`);

    // SIGTERM while question 2's letters are going up: the bot finishes posting it, then exits.
    const hold = emu.holds.inject({ route: /^PUT .*\/reactions\/.*\/@me$/ });
    await hold.reached;
    first.child.kill('SIGTERM');
    await emu.waitFor(() => first.out.log.includes('SIGTERM: finishing'), { timeoutMs: 5000 });
    hold.release();
    expect(await first.exited).toBe(0);
    const q2 = emu.messages(channel.id).find((m) => titleOf(m) === 'Question 2 of 2');
    expect(q2?.reactions.map((r) => r.emoji)).toEqual(['🇦', '🇧', '🇨', '🇩']);
    expect(descriptionOf(emu.message(q2?.id as string))).toContain('Closes <t:');
    const db = new Database(dbPath, { readonly: true });
    const states = db.prepare('SELECT state FROM rounds ORDER BY idx').all();
    db.close();
    expect(states).toEqual([{ state: 'revealed' }, { state: 'open' }]);

    // The next start re-arms the open round and finishes the quiz.
    const second = startBuilt(env);
    const board = await emu.waitForMessage(
      channel.id,
      (m) => titleOf(m) === 'Quiz over: leaderboard',
      { timeoutMs: 15_000 },
    );
    expect(descriptionOf(board)).toBe(`1. <@${alice.id}> **1** pts (1/1 right)`);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const log = first.out.log + second.out.log;
    expect(log).toMatch(/\[bot\] info quiz 1 started in channel \d+ .*bank rnn-quiz, 2 questions/);
    expect(log).toMatch(
      /quiz 1: question 1\/2 \(growing-weights\) closed; graded 1 answers, 1 right/,
    );
    expect(log).toContain('quiz 1: resuming');
    expect(log).toContain('quiz 1: finished');
    expect(log).toContain('quiz 1: leaderboard posted');
    expect(log).not.toContain(emu.bot.token);
    expect(log).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);

  const oneLine = (r: { status: number | null; stdout: string; stderr: string }) => {
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain(STRANGER);
    return r.stderr;
  };

  it('gives one line, without the token, for a refused token and for Discord out of reach', async () => {
    const vars = {
      DISCORD_APPLICATION_ID: emu.bot.applicationId,
      QUIZDECK_DB: join(dir, 'errors.db'),
    };
    const refused = envFile('refused.env', {
      ...vars,
      DISCORD_TOKEN: STRANGER,
      DISCORD_API_URL: emu.restUrl,
    });
    const closed = await DiscordEmulator.start();
    const deadUrl = closed.restUrl;
    await closed.stop();
    const away = envFile('away.env', {
      ...vars,
      DISCORD_TOKEN: STRANGER,
      DISCORD_API_URL: deadUrl,
    });
    const malformed = envFile('malformed.env', { ...vars, DISCORD_TOKEN: 'Bot abc.def' });
    for (const args of [[], ['register'], ['unregister']]) {
      const node = (env: string) =>
        run(process.execPath, [`--env-file=${env}`, built, ...args], bareEnv());
      const edge = ['quizdeck bot', ...args].join(' ');
      expect(oneLine(await node(refused))).toMatch(
        new RegExp(`^${edge}: Discord refused DISCORD_TOKEN: `),
      );
      expect(oneLine(await node(away))).toBe(
        `${edge}: cannot reach Discord at ${deadUrl} (ECONNREFUSED): check the network, or DISCORD_API_URL if it is set.\n`,
      );
      expect(oneLine(await node(malformed))).toMatch(
        new RegExp(`^${edge}: DISCORD_TOKEN does not look like a bot token`),
      );
    }
    // `pnpm bot register`, as a user first runs it.
    const viaPnpm = await run('pnpm', ['--silent', 'bot', 'register'], {
      ...process.env,
      ...vars,
      DISCORD_TOKEN: STRANGER,
      DISCORD_API_URL: emu.restUrl,
    });
    expect(oneLine(viaPnpm)).toMatch(/^quizdeck bot register: Discord refused DISCORD_TOKEN: /);
  }, 60_000);
});
