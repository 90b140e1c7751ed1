import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coerceTextFields } from '../src/formats/coerce-text';
import { importMarkdown } from '../src/formats/markdown/import-markdown';
import { unknownKeys } from '../src/formats/unknown-keys';
import { BankSchema, generateBank, seededRandom, serializeBank } from '../src/index';
import { fastBank } from '../src/model/bank-fast-check';
import { HOSTILE_SNIPPETS, mutate, type Random } from './fuzz-mutations';

// The fast check stands in for BankSchema.safeParse: it must accept exactly the banks the schema
// accepts that hold no key the schema does not know (those go to the schema, which drops them),
// and give exactly the schema's result, down to the order of keys and keys holding undefined.

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const CORPUS = readdirSync(here('corpus'))
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => readFileSync(here(`corpus/${f}`), 'utf8'));

/** Keys in order, undefined values included: what JSON.stringify and toStrictEqual let pass. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value !== 'object' || value === null) return value;
  return Object.entries(value).map(([k, v]) => [k, v === undefined ? '<undefined>' : shape(v)]);
}

const tally = { accepted: 0, rejected: 0, unknownKey: 0 };

function agrees(data: unknown): void {
  const fast = fastBank(data);
  const zod = BankSchema.safeParse(data);
  const clean = zod.success && unknownKeys(BankSchema, data).length === 0;
  expect(fast !== undefined, JSON.stringify(data)?.slice(0, 400)).toBe(clean);
  if (fast !== undefined && zod.success) {
    expect(shape(fast)).toEqual(shape(zod.data));
    tally.accepted++;
  } else if (zod.success) tally.unknownKey++;
  else tally.rejected++;
}

/** Any place in a value, each as likely: its holder and the key or index there. */
function somewhere(root: object, random: Random): { holder: Record<string, unknown>; key: string } {
  const places: { holder: Record<string, unknown>; key: string }[] = [];
  const walk = (holder: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(holder)) {
      places.push({ holder, key });
      if (typeof value === 'object' && value !== null) walk(value as Record<string, unknown>);
    }
  };
  walk(root as Record<string, unknown>);
  return places[Math.floor(random() * places.length)] ?? { holder: root as never, key: 'id' };
}

const VALUES: unknown[] = [
  undefined,
  null,
  '',
  'A',
  'Z',
  'a',
  'q1',
  'Not An Id',
  'x'.repeat(121),
  0,
  -1,
  1,
  1.5,
  2,
  1e8,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  ['A'],
  ['A', 'A'],
  {},
  'lstm',
  'keras',
  'params',
  'conv-output',
  'dispute',
  'bias',
];

const NUMBERS = [0, 1, -1, 999, 1000, 1001, 9_999_999, 10_000_000, 10_000_001, 2.5, '2'];
const STRINGS = ['', ' ', 'A', 'B', 'AB', 'a', 'q1', '-x', 'x'.repeat(120), 'x'.repeat(121), 7];

/** One change to a copy of a bank: a value replaced, a key deleted, added, renamed or moved. */
function mutated(bank: unknown, random: Random): unknown {
  const copy = structuredClone(bank) as object;
  const { holder, key } = somewhere(copy, random);
  const pick = random();
  if (pick < 0.55) {
    // Half the time a value at the edge of what the field takes (by its current type).
    const current = holder[key];
    const near =
      typeof current === 'number' ? NUMBERS : typeof current === 'string' ? STRINGS : VALUES;
    const values = random() < 0.5 ? near : VALUES;
    holder[key] = values[Math.floor(random() * values.length)];
  } else if (pick < 0.7) delete holder[key];
  else if (pick < 0.8) holder.extra = 1;
  else if (pick < 0.9) {
    // The same keys in another order: zod gives them in its own.
    const entries = Object.entries(holder).reverse();
    for (const [k] of entries) delete holder[k];
    for (const [k, v] of entries) holder[k] = v;
  } else if (Array.isArray(holder) && holder.length > 0) holder.push(holder[0]);
  else holder[key] = structuredClone(holder[key]);
  return copy;
}

const spec = { cell: 'lstm', input: 8, hidden: 16, proj: 4, convention: 'pytorch' };
const q = (id: string, check: unknown) => ({
  id,
  prompt: 'How many?',
  options: [
    { key: 'A', text: '1' },
    { key: 'B', text: '2', pinned: true },
  ],
  answer: ['A'],
  multiple: false,
  check,
});
/** Every kind of check, passages that continue each other, notes: what generated banks lack. */
const EVERY_KIND = {
  id: 'every-kind',
  title: 'Every kind',
  contexts: [
    { id: 'c1', title: 'One', body: 'Passage.', notes: 'Worked.' },
    { id: 'c2', body: 'More.', continues: 'c1' },
  ],
  questions: [
    { ...q('q1', { quantity: 'shape', spec, tensor: 'W' }), context: 'c2', number: '1' },
    {
      ...q('q2', { quantity: 'params', spec, exclude: ['bias'] }),
      notes: [{ kind: 'dispute', text: 'No.' }],
    },
    q('q3', { quantity: 'unrolled-depth', steps: 10_000_000 }),
    q('q4', {
      quantity: 'macs-per-step',
      spec: {
        cell: 'gru',
        input: 2,
        hidden: 3,
        layers: 1000,
        convention: 'keras',
        resetAfter: true,
      },
    }),
    q('q5', { quantity: 'macs-per-sequence', spec, steps: 3 }),
    q('q6', { quantity: 'conv-output', conv: { size: 32, kernel: 3, stride: 1, padding: 0 } }),
    q('q7', { quantity: 'conv-output', conv: { size: 32, kernel: 3 } }),
  ],
};

describe('fastBank against BankSchema', () => {
  it('agrees on the corpus, fuzzed quiz-markdown, generated banks and mutations of them', () => {
    const candidates = CORPUS.map((text) => importMarkdown(text, 'corpus.md').candidate);
    for (const c of candidates) agrees(c);
    // Every corpus bank the schema takes goes the fast way (none holds an unknown key).
    expect(tally.accepted).toBe(candidates.filter((c) => BankSchema.safeParse(c).success).length);
    expect(tally.accepted).toBeGreaterThan(10);

    const random = seededRandom('bank-fast-check');
    for (let n = 0; n < 300; n++) {
      const seed = CORPUS[Math.floor(random() * CORPUS.length)] ?? '';
      agrees(importMarkdown(mutate(seed, random, CORPUS, HOSTILE_SNIPPETS), 'fuzz.md').candidate);
    }

    const generated = [1, 2, 3].map((i) => generateBank({ count: 6, seed: `fast-${i}` }));
    const seeds: unknown[] = [
      ...candidates,
      // As JSON files hold them, and as the model gives them.
      ...generated.map((b) => coerceTextFields(JSON.parse(serializeBank(b, 'json')))),
      ...generated,
      EVERY_KIND,
    ];
    for (const s of seeds) agrees(s);
    for (let n = 0; n < 2500; n++) {
      // Generated banks and EVERY_KIND half the time: they hold the checks.
      const from = random() < 0.5 ? seeds.slice(-2 * generated.length - 1) : seeds;
      let data = from[Math.floor(random() * from.length)];
      for (let k = 1 + Math.floor(random() * 2); k > 0; k--) data = mutated(data, random);
      agrees(data);
    }
    expect(tally.accepted).toBeGreaterThan(500);
    expect(tally.rejected).toBeGreaterThan(500);
    expect(tally.unknownKey).toBeGreaterThan(100);
  }, 120_000);

  it('gives a bank written by quizdeck back as it is, not a copy', () => {
    const data = JSON.parse(serializeBank(generateBank({ count: 20, seed: 'as-is' }), 'json'));
    expect(fastBank(data)).toBe(data);
  });
});
