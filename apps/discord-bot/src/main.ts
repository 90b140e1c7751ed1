import { defineCommand, packageVersion, print, runProgram } from '@quizdeck/cli-kit';
import { loadConfig } from './env';

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

const bot = defineCommand({
  meta: {
    name: 'bot',
    description: 'Run the Discord quiz bot (configured by environment: docs/discord-setup.md)',
  },
  subCommands: { register: () => register },
  async run() {
    const config = loadConfig();
    const { createBot } = await import('./bot');
    const running = createBot(config);
    const shutdown = () => {
      void running.stop().finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await running.start();
  },
});

await runProgram(bot, { name: 'quizdeck bot', version: packageVersion(import.meta.url) });
// A failed start may leave Discord's connection or timers holding the process open.
if (process.exitCode) process.exit();
