// Production build: one ES module bundle, dist/main.js, run by plain `node` (no TypeScript
// compiler at run time). The workspace packages export TypeScript source, so they are bundled
// in; better-sqlite3 stays outside (its native addon is loaded from node_modules), as do the
// optional native speed-ups discord.js and pg look for.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const appDir = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${appDir}/dist`, { recursive: true, force: true });
const result = await build({
  absWorkingDir: appDir,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'linked',
  external: [
    'better-sqlite3',
    'pg-native',
    'zlib-sync',
    'bufferutil',
    'utf-8-validate',
    '@discordjs/voice',
  ],
  // Bundled CommonJS code calls require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
process.stdout.write(`built dist/main.js (${(bytes / 1e6).toFixed(1)} MB with its source map)\n`);
