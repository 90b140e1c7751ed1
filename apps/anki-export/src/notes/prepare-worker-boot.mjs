// Worker entry in plain JavaScript: registers tsx, whatever loaded the parent (tsx, vitest), then
// runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
