import { defineCommand, packageVersion, runProgram } from '@quizdeck/cli-kit';

// Each subcommand lives in its own file and is loaded only when it runs.
const main = defineCommand({
  meta: { name: 'quizdeck', description: 'Check, convert, preview and generate quiz banks' },
  subCommands: {
    check: () => import('./commands/check').then((m) => m.default),
    convert: () => import('./commands/convert').then((m) => m.default),
    show: () => import('./commands/show').then((m) => m.default),
    generate: () => import('./commands/generate').then((m) => m.default),
    shapes: () => import('./commands/shapes').then((m) => m.default),
    ids: () => import('./commands/ids').then((m) => m.default),
  },
});

await runProgram(main, { name: 'quizdeck', version: packageVersion(import.meta.url) });
