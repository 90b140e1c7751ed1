// generateBank at 40,000 questions, against the baseline of validating the same bank with
// BankSchema (what any loader of a 40,000-question bank pays anyway).
import { BankSchema, checkAnswerKeys, generateBank, serializeBank } from '../src/index';

const COUNT = 40_000;

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

generateBank({ count: 500, seed: 'warm-up' });
const [bank, generate] = time(() => generateBank({ count: COUNT, seed: 'bench' }));
const [, validate] = time(() => BankSchema.parse(bank));
const [issues, check] = time(() => checkAnswerKeys(bank));
const [md, serialize] = time(() => serializeBank(bank, 'md'));

const ms = (n: number) => `${n.toFixed(0)} ms`;
console.log(
  `generateBank ${COUNT} questions: ${ms(generate)} (${Math.round(COUNT / (generate / 1000))} questions/s)`,
);
console.log(
  `baseline BankSchema.parse of that bank: ${ms(validate)}; generate / parse = ${(generate / validate).toFixed(1)}×`,
);
console.log(
  `checkAnswerKeys on it: ${ms(check)} (${issues.length} issues); check / parse = ${(check / validate).toFixed(1)}×`,
);
console.log(`serializeBank to md: ${ms(serialize)} (${(md.length / 1e6).toFixed(1)} MB)`);
