import { defineCommand, packageVersion, print, runProgram } from '@quizdeck/cli-kit';
import { loadConfig, loadCopyConfig, loadProxyConfig } from './env';

// Configuration is read inside each command, so `pnpm bot --help` needs no token, and discord.js
// is loaded only to run, so help and flag errors come at once.
const register = defineCommand({
  meta: {
    name: 'register',
    description: 'Register the slash commands with Discord (in DISCORD_GUILD_ID when set)',
  },
  async run() {
    const config = loadConfig();
    const { registerCommands } = await import('./register');
    print(`${await registerCommands(config)}\n`);
  },
});

const unregister = defineCommand({
  meta: {
    name: 'unregister',
    description:
      'Remove the slash commands from one scope (DISCORD_GUILD_ID when set, else global): registered in both, they show twice',
  },
  async run() {
    const config = loadConfig();
    const { registerCommands } = await import('./register');
    print(`${await registerCommands(config, true)}\n`);
  },
});

const proxy = defineCommand({
  meta: {
    name: 'proxy',
    description:
      "Run the REST proxy several bot processes share, so they keep to one token's rate limits together (docs/scaling.md)",
  },
  async run() {
    const config = loadProxyConfig();
    const { createLogger } = await import('./log');
    const { startRestProxy } = await import('./proxy/rest-proxy');
    const log = createLogger(config.log, [], undefined, 'proxy');
    const running = await startRestProxy(config, log);
    let stopping = false;
    const shutdown = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(1);
      stopping = true;
      log.info(`${signal}: finishing the requests under way, then stopping`);
      void running.stop().finally(() => process.exit(0));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  },
});

const copyStore = defineCommand({
  meta: {
    name: 'copy-store',
    description:
      'Copy every row of the store in QUIZDECK_DB into the new, empty store TARGET (e.g. a SQLite file into PostgreSQL); stop the bot first',
  },
  args: {
    target: {
      type: 'positional',
      valueHint: 'TARGET',
      description:
        'A SQLite file or a postgres:// URL, as QUIZDECK_DB takes it (the password can come from PGPASSWORD)',
    },
  },
  async run({ args }) {
    const { from, to } = loadCopyConfig(args.target);
    const { copyStore: copy } = await import('./db/copy-store');
    const counts = await copy(from, to);
    const rows = Object.entries(counts).map(([table, n]) => `${table} ${n}`);
    print(`copied: ${rows.join(', ')}\n`);
  },
});

const bot = defineCommand({
  meta: {
    name: 'bot',
    description: 'Run the Discord quiz bot (configured by environment: docs/discord-setup.md)',
  },
  subCommands: {
    register: () => register,
    unregister: () => unregister,
    proxy: () => proxy,
    'copy-store': () => copyStore,
  },
  async run() {
    const config = loadConfig();
    const { createBot } = await import('./bot');
    const running = await createBot(config, {
      // Started again (systemd, a container's restart policy), it waits for the leases.
      onLeaseLost: () => process.exit(1),
    });
    let stopping = false;
    const shutdown = (signal: NodeJS.Signals) => {
      // A second signal does not wait for the steps under way.
      if (stopping) process.exit(1);
      stopping = true;
      running.log.info(`${signal}: finishing the steps under way, then stopping`);
      void running.stop().finally(() => {
        running.log.info('stopped');
        process.exit(0);
      });
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    await running.start();
  },
});

await runProgram(bot, { name: 'quizdeck bot', version: packageVersion(import.meta.url) });
// A failed start may leave Discord's connection or timers holding the process open.
if (process.exitCode) process.exit();
