import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator } from '@quizdeck/discord-emulator';
import { describe, expect, it } from 'vitest';
import { ConfigError, createBot, loadConfig } from '../src/index';

const appDir = fileURLToPath(new URL('..', import.meta.url));

describe('env', () => {
  it('names DISCORD_TOKEN and the setup guide when the token is missing', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: '' })).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/DISCORD_TOKEN.*docs\/discord-setup\.md/);
  });

  it('resolves paths against the folder the command was typed in, and parses timers', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 't',
      INIT_CWD: '/srv/quiz',
      QUIZDECK_TIME_SCALE: '0.05',
      QUIZDECK_REVEAL_PAUSE_MS: '10',
    });
    expect(config.dbPath).toBe('/srv/quiz/data/quizdeck.db');
    expect(config.timeScale).toBe(0.05);
    expect(config.revealPauseMs).toBe(10);
    expect(config.banksDir).toMatch(/banks$/);
    expect(() => loadConfig({ DISCORD_TOKEN: 't', DISCORD_API_URL: 'not a url' })).toThrow(
      /DISCORD_API_URL/,
    );
  });

  it('exits non-zero from the command line without a token', () => {
    const env = { ...process.env, DISCORD_TOKEN: '' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: appDir,
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DISCORD_TOKEN/);
    expect(run.stderr).toMatch(/docs\/discord-setup\.md/);
  });

  it('names DISCORD_TOKEN when Discord refuses the token', async () => {
    const emu = await DiscordEmulator.start();
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-bot-token-'));
    const bot = createBot(
      loadConfig({
        DISCORD_TOKEN: 'not-the-bot-token',
        DISCORD_API_URL: emu.restUrl,
        QUIZDECK_DB: join(dir, 'quizdeck.db'),
        QUIZDECK_LOG: 'silent',
      }),
    );
    try {
      const started = bot.start();
      await expect(started).rejects.toThrow(ConfigError);
      await expect(started).rejects.toThrow(/refused DISCORD_TOKEN.*docs\/discord-setup\.md/);
    } finally {
      await bot.stop();
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
