#!/usr/bin/env node
// Runs the TypeScript entry through tsx: `pnpm bot` finds this bin (the root has no such script).
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/main.ts', import.meta.url);
