import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator } from '@quizdeck/discord-emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { descriptionOf, titleOf } from './harness';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let child: ChildProcess | undefined;
let emu: DiscordEmulator | undefined;
let dir: string | undefined;

afterAll(async () => {
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

describe('the bot as users start it', () => {
  it('`pnpm bot register` then `pnpm bot` play a quiz against DISCORD_API_URL', async () => {
    emu = await DiscordEmulator.start({ rateLimits: { reactionWindowMs: 20 } });
    const guild = emu.createGuild({ name: 'Study group' });
    const channel = emu.createChannel(guild.id, { name: 'quiz' });
    const alice = emu.createMember(guild.id, { username: 'alice' });
    dir = mkdtempSync(join(tmpdir(), 'quizdeck-bot-proc-'));
    const env = {
      ...process.env,
      DISCORD_TOKEN: emu.bot.token,
      DISCORD_APPLICATION_ID: emu.bot.applicationId,
      DISCORD_GUILD_ID: guild.id,
      DISCORD_API_URL: emu.restUrl,
      QUIZDECK_DB: join(dir, 'quizdeck.db'),
      QUIZDECK_TIME_SCALE: '0.1',
      QUIZDECK_REVEAL_PAUSE_MS: '10',
    };
    // Not spawnSync: the emulator answering the registration runs in this process.
    const register = await run('pnpm', ['bot', 'register'], env);
    expect(register.status).toBe(0);
    expect(register.stdout).toContain(`Registered 2 commands in guild ${guild.id}.`);

    child = spawn('pnpm', ['bot'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    child.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
    });
    await emu.waitForReady(emu.bot.id, { timeoutMs: 20_000 });
    await emu.waitFor(() => log.includes('logged in as'), { timeoutMs: 10_000 });
    // A second `pnpm bot` on the same database refuses to start instead of posting twice.
    const second = await run('pnpm', ['bot'], env);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(
      `quizdeck bot: ${env.QUIZDECK_DB} is in use by another quizdeck bot`,
    );
    const start = emu.runCommand({
      guildId: guild.id,
      channelId: channel.id,
      userId: guild.ownerId,
      name: 'quiz',
      subcommand: 'start',
      options: { count: 1, seconds: 10 },
    });
    await start.response({ timeoutMs: 5000 });
    const question = await emu.waitForMessage(channel.id, (m) =>
      descriptionOf(m).includes('Closes <t:'),
    );
    emu.react(channel.id, question.id, alice.id, '🇦');
    emu.react(channel.id, question.id, alice.id, '🇩');
    const reveal = await emu.waitForMessage(channel.id, (m) => titleOf(m) === 'Answers: A, D');
    expect(descriptionOf(reveal)).toContain(`**Right (1):** <@${alice.id}>`);
    const board = await emu.waitForMessage(
      channel.id,
      (m) => titleOf(m) === 'Quiz over: leaderboard',
    );
    expect(descriptionOf(board)).toBe(`1. <@${alice.id}> **1** pts (1/1 right)`);

    const exited = new Promise<number | null>((resolve) =>
      child?.once('exit', (code) => resolve(code)),
    );
    process.kill(-(child.pid as number), 'SIGTERM');
    await exited;
  }, 50_000);
});
