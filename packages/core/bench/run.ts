// Runs every benchmark script in this folder, one after the other, so figures are not skewed by each other.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  console.log(`\n# ${file}`);
  await import(new URL(file, import.meta.url).href);
}
