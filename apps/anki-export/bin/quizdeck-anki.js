#!/usr/bin/env node
// Runs the TypeScript entry through tsx, as `pnpm anki` does.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/main.ts', import.meta.url);
