#!/usr/bin/env node
// `pnpm anki` finds this bin (the root has no such script). It runs the command's bundle, rebuilt
// whenever its sources changed (bundle.mjs), or the TypeScript entry through tsx when no bundle
// can be built here.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const bundle = await freshBundle(
  {
    appDir,
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    entries: { main: 'src/main.ts', 'prepare-worker': 'src/notes/prepare-worker.ts' },
    outdir: fileURLToPath(new URL('../dist', import.meta.url)),
    external: ['better-sqlite3', 'sql.js', 'esbuild'],
  },
  'main',
);
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('../src/main.ts', import.meta.url);
}
