import { QuizdeckError } from '@quizdeck/core';
import { createBot } from './bot';
import { loadConfig } from './env';
import { registerCommands } from './register';

// The edge: the only place errors are printed and turned into an exit code.
async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  if (argv[0] === 'register') {
    process.stdout.write(`${await registerCommands(config)}\n`);
    return;
  }
  const bot = createBot(config);
  const shutdown = () => {
    void bot.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await bot.start();
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof QuizdeckError) process.stderr.write(`error: ${err.message}\n`);
  else
    process.stderr.write(
      `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  process.exit(1);
});
