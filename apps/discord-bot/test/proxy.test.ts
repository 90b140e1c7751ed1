import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator } from '@quizdeck/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { titleOf } from './harness';
import { killLeftovers, type Spawned, spawnLogged } from './spawned';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const appDir = fileURLToPath(new URL('..', import.meta.url));
// The bin `pnpm bot` runs (TypeScript through tsx): building dist/ here would race the process
// test, which builds and runs it in a parallel worker.
const bin = join(appDir, 'bin', 'quizdeck-bot.js');
// Per process: enough channels that one process alone asks for more than 50 requests a second.
const CHANNELS = 20;
const QUESTIONS = 3;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-proxy-'));
});

afterAll(() => {
  killLeftovers();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const bareEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });

/**
 * Two bot processes of one bot token, each with its own SQLite file and guild (a database serves
 * one process), quizzing in every channel at once with DISCORD_API_URL = `apiUrl`. Slash commands
 * go to every connected process of a bot, so each process starts its quizzes while it runs alone
 * and stops; then both run together and resume them.
 */
async function twoBotsQuizzing(emu: DiscordEmulator, apiUrl: string, name: string) {
  const bots = [0, 1].map((i) => {
    const guild = emu.createGuild({ name: `${name} ${i}` });
    const channels = Array.from(
      { length: CHANNELS },
      (_, c) => emu.createChannel(guild.id, { name: `quiz-${c}` }).id,
    );
    const env = {
      ...bareEnv(),
      DISCORD_TOKEN: emu.bot.token,
      DISCORD_APPLICATION_ID: emu.bot.applicationId,
      DISCORD_GUILD_ID: guild.id,
      DISCORD_API_URL: apiUrl,
      QUIZDECK_DB: join(dir, `${name}-${i}.db`),
      QUIZDECK_BANKS: join(root, 'banks'),
      QUIZDECK_BANKS_POLL_MS: '0',
      QUIZDECK_TIME_SCALE: '0.1',
      QUIZDECK_REVEAL_PAUSE_MS: '10',
    };
    return { guild, channels, env };
  });
  const start = (env: NodeJS.ProcessEnv) => spawnLogged(process.execPath, [bin], env, dir);
  const stop = async (p: Spawned) => {
    p.child.kill('SIGTERM');
    expect(await p.exited, p.out.log).toBe(0);
  };
  const logs: string[] = [];
  for (const { guild, channels, env } of bots) {
    // Not spawnSync: the emulator answering it runs in this process.
    const register = spawnLogged(process.execPath, [bin, 'register'], env, dir);
    expect(await register.exited, register.out.log).toBe(0);
    const alone = start(env);
    await emu.waitFor(() => alone.out.log.includes('logged in as'), { timeoutMs: 20_000 });
    for (const channelId of channels) {
      const run = emu.runCommand({
        guildId: guild.id,
        channelId,
        userId: guild.ownerId,
        name: 'quiz',
        subcommand: 'start',
        options: { bank: 'rnn-quiz', count: QUESTIONS, seconds: 10 },
      });
      await run.response({ timeoutMs: 10_000 });
    }
    await stop(alone);
    logs.push(alone.out.log);
  }
  const both = bots.map(({ env }) => start(env));
  const over = (channelId: string) =>
    emu.messages(channelId).some((m) => titleOf(m) === 'Quiz over: leaderboard');
  await emu.waitFor(() => bots.every((b) => b.channels.every(over)), {
    timeoutMs: 120_000,
    description: 'every quiz to end',
  });
  for (const p of both) await stop(p);
  logs.push(...both.map((p) => p.out.log));
  return { channels: bots.flatMap((b) => b.channels), logs };
}

describe('two bot processes of one token', () => {
  it('behind one `pnpm bot proxy`, keep to the global budget together: no global 429', async () => {
    const emu = await DiscordEmulator.start();
    try {
      const proxy = spawnLogged(
        'pnpm',
        ['--silent', 'bot', 'proxy'],
        { ...process.env, QUIZDECK_PROXY_PORT: '0', DISCORD_API_URL: emu.restUrl },
        root,
      );
      const url = await emu.waitFor(() => /listening on (\S+),/.exec(proxy.out.log)?.[1], {
        timeoutMs: 30_000,
        description: 'the proxy to listen',
      });
      const { channels, logs } = await twoBotsQuizzing(emu, url, 'proxied');
      for (const channelId of channels) {
        const titles = emu.messages(channelId).map(titleOf);
        // Every round revealed once: no process posted another's round, none was lost.
        expect(titles.filter((t) => /^Answers?: /.test(t))).toHaveLength(QUESTIONS);
        expect(titles.filter((t) => t === 'Quiz over: leaderboard')).toHaveLength(1);
      }
      const budget = emu.rateLimits.budget();
      expect(budget.peakPerSecond).toBeLessThanOrEqual(50);
      expect(budget.global429s).toBe(0);
      expect(emu.rateLimits.hits.filter((h) => h.global)).toEqual([]);

      proxy.child.kill('SIGTERM');
      expect(await proxy.exited).toBe(0);
      expect(proxy.out.log).toMatch(
        /stopped after \d+ request\(s\); Discord answered \d+ with 429/,
      );
      for (const log of [proxy.out.log, ...logs]) expect(log).not.toContain(emu.bot.token);
      // Through the proxy the bots' requests carried the bot's token, so the emulator counted them.
      expect(budget.requests).toBeGreaterThan(CHANNELS * 2 * QUESTIONS * 6);
    } finally {
      await emu.stop();
    }
  }, 240_000);

  it('without the proxy, ask for more than the global budget (the case the proxy is for)', async () => {
    const emu = await DiscordEmulator.start();
    try {
      await twoBotsQuizzing(emu, emu.restUrl, 'direct');
      const budget = emu.rateLimits.budget();
      expect(budget.peakPerSecond).toBeGreaterThan(50);
      expect(budget.global429s).toBeGreaterThan(0);
    } finally {
      await emu.stop();
    }
  }, 240_000);
});
