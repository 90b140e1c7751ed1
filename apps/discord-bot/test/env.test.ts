import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator } from '@quizdeck/discord-emulator';
import { describe, expect, it } from 'vitest';
import { ConfigError, createBot, createLogger, loadConfig, registerCommands } from '../src/index';

const appDir = fileURLToPath(new URL('..', import.meta.url));
// Shaped like a bot token (id.timestamp.signature), known to no Discord.
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('env', () => {
  it('names DISCORD_TOKEN and the setup guide when the token is missing', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: '' })).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/DISCORD_TOKEN.*docs\/discord-setup\.md/);
  });

  it('trims the token, and refuses one that is not shaped like a bot token without quoting it', () => {
    expect(loadConfig({ DISCORD_TOKEN: ` ${TOKEN}\n` }).token).toBe(TOKEN);
    for (const bad of [
      'abc',
      `Bot ${TOKEN}`,
      `"${TOKEN}"`,
      `${TOKEN}.extra`,
      TOKEN.replace('.', ' '),
    ]) {
      let message = '';
      try {
        loadConfig({ DISCORD_TOKEN: bad });
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        message = (err as Error).message;
      }
      expect(message).toMatch(/^DISCORD_TOKEN does not look like a bot token .*Reset Token/);
      expect(message).not.toContain(TOKEN.slice(0, 10));
      expect(message).not.toContain('\n');
    }
  });

  it('takes QUIZDECK_DB as a SQLite file or a PostgreSQL URL, and keeps its password out of the log', () => {
    const at = (QUIZDECK_DB: string) =>
      loadConfig({ DISCORD_TOKEN: TOKEN, INIT_CWD: '/srv/quiz', QUIZDECK_DB });
    expect(at('state/q.db').db).toEqual({ backend: 'sqlite', path: '/srv/quiz/state/q.db' });
    expect(at(':memory:').db).toEqual({ backend: 'sqlite', path: ':memory:' });
    // A file whose name merely starts with "postgres" is still a file.
    expect(at('postgres.db').db).toEqual({ backend: 'sqlite', path: '/srv/quiz/postgres.db' });
    for (const url of [
      'postgres://bot:s3cr%40t@db.internal:5432/quizdeck',
      'postgresql://bot:s3cr%40t@db.internal/quizdeck?sslmode=require',
      'POSTGRES://bot:s3cr%40t@db.internal/quizdeck',
    ]) {
      const config = at(url);
      expect(config.db).toEqual({ backend: 'postgres', url });
      expect(config.secrets).toEqual([TOKEN, 's3cr%40t', 's3cr@t']);
      const lines: string[] = [];
      createLogger('info', config.secrets, (l) => lines.push(l)).error(
        'store',
        new Error(`password s3cr@t refused for ${url}`),
      );
      expect(lines.join('')).not.toMatch(/s3cr/);
    }
    expect(at('postgres://db.internal/quizdeck').secrets).toEqual([TOKEN]);
    let thrown: unknown;
    try {
      at('postgres://bot:s3cret@[::1');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(String(thrown)).toMatch(/QUIZDECK_DB: not a PostgreSQL URL that parses/);
    expect(String(thrown)).not.toMatch(/s3cret/);
  });

  it('resolves paths against the folder the command was typed in, and parses timers', () => {
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      INIT_CWD: '/srv/quiz',
      QUIZDECK_TIME_SCALE: '0.05',
      QUIZDECK_REVEAL_PAUSE_MS: '10',
    });
    expect(config.db).toEqual({ backend: 'sqlite', path: '/srv/quiz/data/quizdeck.db' });
    expect(config.timeScale).toBe(0.05);
    expect(config.revealPauseMs).toBe(10);
    expect(config.banksDir).toMatch(/banks$/);
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'not a url' })).toThrow(
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

  it('registers the commands in one scope and removes them from it again', async () => {
    const emu = await DiscordEmulator.start();
    try {
      const guild = emu.createGuild({ name: 'g' });
      const base = {
        DISCORD_TOKEN: emu.bot.token,
        DISCORD_APPLICATION_ID: emu.bot.applicationId,
        DISCORD_API_URL: emu.restUrl,
      };
      const inGuild = loadConfig({ ...base, DISCORD_GUILD_ID: guild.id });
      const global = loadConfig(base);
      expect(await registerCommands(inGuild)).toBe(`Registered 3 commands in guild ${guild.id}.`);
      await registerCommands(global);
      const listed = async (path: string) => {
        const res = await fetch(`${emu.restUrl}/v10${path}`, {
          headers: { Authorization: `Bot ${emu.bot.token}` },
        });
        return ((await res.json()) as { name: string }[]).map((c) => c.name).sort();
      };
      const app = `/applications/${emu.bot.applicationId}`;
      expect(await listed(`${app}/guilds/${guild.id}/commands`)).toEqual([
        'quiz',
        'quizdeck',
        'shapes',
      ]);
      expect(await registerCommands(inGuild, true)).toBe(
        `Removed the commands registered in guild ${guild.id}.`,
      );
      expect(await listed(`${app}/guilds/${guild.id}/commands`)).toEqual([]);
      expect(await listed(`${app}/commands`)).toEqual(['quiz', 'quizdeck', 'shapes']);
    } finally {
      await emu.stop();
    }
  });

  it('names DISCORD_TOKEN when Discord refuses the token', async () => {
    const emu = await DiscordEmulator.start();
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-bot-token-'));
    const bot = await createBot(
      loadConfig({
        DISCORD_TOKEN: TOKEN,
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
