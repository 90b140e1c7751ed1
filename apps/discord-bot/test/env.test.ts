import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscordEmulator } from '@quizdeck/discord-emulator';
import { Client } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { shardClientOptions } from '../src/discord/shard-set';
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

  it('reads QUIZDECK_SHARDS and QUIZDECK_SHARD_IDS into options discord.js accepts', () => {
    const plan = (env: Record<string, string>) =>
      loadConfig({ DISCORD_TOKEN: TOKEN, ...env }).shards;
    expect(plan({})).toEqual({ count: 1, ids: [0] });
    expect(plan({ QUIZDECK_SHARDS: '3' })).toEqual({ count: 3, ids: [0, 1, 2] });
    expect(plan({ QUIZDECK_SHARDS: 'auto' })).toEqual({ count: 'auto' });
    expect(plan({ QUIZDECK_SHARDS: ' 4 ', QUIZDECK_SHARD_IDS: ' 3, 0 ' })).toEqual({
      count: 4,
      ids: [3, 0],
    });
    // discord.js validates its sharding options when the client is made (nothing connects).
    for (const [given, shards, shardCount] of [
      [{ QUIZDECK_SHARDS: '4', QUIZDECK_SHARD_IDS: '2,3' }, [2, 3], 4],
      [{ QUIZDECK_SHARDS: '2' }, [0, 1], 2],
      [{ QUIZDECK_SHARDS: 'auto' }, 'auto', 1],
      [{}, [0], 1],
    ] as const) {
      const client = new Client({ intents: [], ...shardClientOptions(plan(given)) });
      expect([client.options.shards, client.options.shardCount]).toEqual([shards, shardCount]);
    }
  });

  it('refuses shard settings that cannot work, saying why', () => {
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig({ DISCORD_TOKEN: TOKEN, ...env });
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      return 'accepted';
    };
    for (const bad of ['0', '-1', 'two', '1.5', 'AUTO', '2,3', '1000000']) {
      expect(refused({ QUIZDECK_SHARDS: bad }), bad).toMatch(
        /^QUIZDECK_SHARDS: auto, or the total number of shards over every process/,
      );
    }
    for (const bad of ['0;1', '0,', '-1', 'a', '0 1']) {
      expect(refused({ QUIZDECK_SHARDS: '2', QUIZDECK_SHARD_IDS: bad }), bad).toMatch(
        /^QUIZDECK_SHARD_IDS: the shards this process runs, ids separated by commas/,
      );
    }
    expect(refused({ QUIZDECK_SHARD_IDS: '0' })).toMatch(
      /^QUIZDECK_SHARD_IDS needs QUIZDECK_SHARDS, the total number of shards/,
    );
    expect(refused({ QUIZDECK_SHARDS: 'auto', QUIZDECK_SHARD_IDS: '0' })).toMatch(
      /^QUIZDECK_SHARD_IDS needs a number in QUIZDECK_SHARDS, not auto/,
    );
    expect(refused({ QUIZDECK_SHARDS: '2', QUIZDECK_SHARD_IDS: '0,2,5' })).toBe(
      'QUIZDECK_SHARD_IDS: shard 2 is not below QUIZDECK_SHARDS=2 (ids run from 0 to 1); shard 5 is not below QUIZDECK_SHARDS=2 (ids run from 0 to 1)',
    );
    expect(refused({ QUIZDECK_SHARDS: '4', QUIZDECK_SHARD_IDS: '1,1,3,1' })).toBe(
      'QUIZDECK_SHARD_IDS: shard 1 is listed twice',
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
      expect(await registerCommands(inGuild)).toBe(`Registered 4 commands in guild ${guild.id}.`);
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
        'review',
        'shapes',
      ]);
      expect(await registerCommands(inGuild, true)).toBe(
        `Removed the commands registered in guild ${guild.id}.`,
      );
      expect(await listed(`${app}/guilds/${guild.id}/commands`)).toEqual([]);
      expect(await listed(`${app}/commands`)).toEqual(['quiz', 'quizdeck', 'review', 'shapes']);
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
