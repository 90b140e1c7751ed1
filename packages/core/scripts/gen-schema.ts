// Writes schema/bank.schema.json from the zod bank model. Run after changing the model:
//   pnpm --filter @quizdeck/core gen:schema
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bankJsonSchema } from '../src/index';

const target = fileURLToPath(new URL('../schema/bank.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(bankJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
