import { z } from 'zod';
import type { Bank } from '../../model/bank';
import type { Option } from '../../model/option';
import type { Question } from '../../model/question';
import { CheckSchema } from '../check-schema';
import { ShapeSpecError } from '../errors';
import { type Cell, CellSchema, type Convention, ConventionSchema } from '../shape-spec';
import { paramsDrill, unrolledDepthDrill } from './count-drills';
import { type Drill, type Setup, setup, valueText } from './drill';
import { createRng, type Rng } from './rng';
import { biasShapeDrill, outputShapeDrill, weightShapeDrill } from './shape-drills';

export const GenerateOptionsSchema = z.object({
  count: z
    .number()
    .int()
    .min(1, 'count must be at least 1')
    .max(100_000, 'count must be at most 100,000'),
  seed: z.union([z.string(), z.number()]),
  cells: z.array(CellSchema).min(1, 'give at least one cell').optional(),
  conventions: z.array(ConventionSchema).min(1, 'give at least one convention').optional(),
});
export type GenerateOptions = z.input<typeof GenerateOptionsSchema>;

const INPUTS = [8, 10, 16, 20, 32, 50, 64, 100, 128, 200, 256, 300, 512] as const;
const HIDDEN = [10, 16, 20, 32, 50, 64, 100, 128, 200, 256, 512] as const;
const CLASSES = [2, 3, 5, 10, 26, 100] as const;

type Builder = (s: Setup, rng: Rng) => Drill | undefined;
const KINDS: readonly [Builder, number][] = [
  [weightShapeDrill, 30],
  [biasShapeDrill, 15],
  [outputShapeDrill, 15],
  [paramsDrill, 30],
  [unrolledDepthDrill, 10],
];
const WEIGHT_SUM = KINDS.reduce((a, [, w]) => a + w, 0);

function pickKind(rng: Rng): Builder {
  let r = rng.next() * WEIGHT_SUM;
  for (const [kind, w] of KINDS) {
    r -= w;
    if (r < 0) return kind;
  }
  return paramsDrill;
}

function randomSetup(rng: Rng, cell: Cell, convention: Convention, wantClasses: boolean): Setup {
  const input = rng.pick(INPUTS);
  const hidden = rng.pick(HIDDEN);
  const layers = rng.pick([1, 1, 1, 2, 2, 3]);
  const spec: Setup['spec'] = { cell, input, hidden, convention };
  if (layers > 1) spec.layers = layers;
  if (rng.chance(0.35)) spec.bidirectional = true;
  if (rng.chance(0.15)) spec.bias = false;
  if (wantClasses || rng.chance(0.4)) spec.classes = rng.pick(CLASSES);
  if (cell === 'lstm' && convention !== 'keras' && rng.chance(0.1)) {
    spec.proj = Math.max(1, Math.floor(hidden / rng.pick([2, 4])));
  }
  if (cell === 'gru' && convention === 'keras' && rng.chance(0.3)) spec.resetAfter = false;
  return setup(spec);
}

const LETTERS = 'ABCD';

/** Letters the options, keeping the key and three distinct distractors, in a seeded order. */
function toQuestion(
  drill: Drill,
  convention: Convention,
  [id, number]: [string, string],
  tags: string[],
  rng: Rng,
) {
  const keyText = valueText(drill.key, convention);
  const seen = new Set([keyText]);
  const valid: { text: string; mistake: string }[] = [];
  for (const d of drill.distractors) {
    const text = valueText(d.value, convention);
    const dims = d.value.kind === 'count' ? [d.value.count] : d.value.shape;
    if (dims.some((x) => x < 1 || !Number.isInteger(x)) || seen.has(text)) continue;
    seen.add(text);
    valid.push({ text, mistake: d.mistake });
  }
  if (valid.length < 3) return undefined;
  // The most telling mistake always, two others at random so drills vary.
  const [first, ...rest] = valid as [(typeof valid)[0], ...typeof valid];
  const wrong = [first, ...rng.shuffle(rest).slice(0, 2)];
  const order = rng.shuffle([{ text: keyText, mistake: '' }, ...wrong]);
  const options: Option[] = order.map((o, i) => ({ key: LETTERS[i] ?? 'A', text: o.text }));
  const keyIndex = order.findIndex((o) => o.mistake === '');
  const keyLetter = LETTERS[keyIndex] ?? 'A';
  const explanation = [
    `Answer **${keyLetter}**: ${keyText}${drill.conventionFree ? '' : ` under the ${convention} convention`}. ${drill.computation}`,
    '',
    ...order.flatMap((o, i) =>
      o.mistake === '' ? [] : [`- ${LETTERS[i]}, ${o.text}: ${o.mistake}.`],
    ),
  ].join('\n');
  const question: Question = {
    id,
    number,
    prompt: drill.prompt,
    options,
    answer: [keyLetter],
    multiple: false,
    explanation,
    notes: [],
    tags,
    check: CheckSchema.parse(drill.check),
  };
  return question;
}

function slug(seed: string | number): string {
  const s = String(seed)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 60);
  return s === '' ? 'seed' : s;
}

/**
 * A bank of `count` shape-arithmetic drills. Deterministic: the same options give the same bank.
 * Every question has four distinct options, an explanation naming each distractor's mistake and
 * a `check` that `checkAnswerKeys` verifies.
 */
export function generateBank(options: GenerateOptions): Bank {
  const parsed = GenerateOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ShapeSpecError(
      `invalid generate options: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  const { count, seed } = parsed.data;
  const cells = parsed.data.cells ?? CellSchema.options;
  const conventions = parsed.data.conventions ?? ConventionSchema.options;
  const rng = createRng(seed);
  const width = String(count).length;
  const questions: Question[] = [];
  while (questions.length < count) {
    const cell = rng.pick(cells);
    const convention = rng.pick(conventions);
    const kind = pickKind(rng);
    const drill = kind(randomSetup(rng, cell, convention, kind === outputShapeDrill), rng);
    if (!drill) continue;
    const id = `q${String(questions.length + 1).padStart(width, '0')}`;
    const number = String(questions.length + 1);
    const q = toQuestion(drill, convention, [id, number], [cell, convention, drill.kind], rng);
    if (q) questions.push(q);
  }
  return {
    id: `generated-${slug(seed)}`,
    title: `RNN shape drills (seed ${seed})`,
    description: `${count} generated questions on ${cells.join(', ')} shapes under the ${conventions.join(', ')} convention${conventions.length > 1 ? 's' : ''}.`,
    source: [
      `quizdeck generate --count ${count} --seed ${seed}`,
      parsed.data.cells ? ` --cells ${cells.join(',')}` : '',
      parsed.data.conventions ? ` --conventions ${conventions.join(',')}` : '',
    ].join(''),
    tags: ['generated', 'rnn-shapes'],
    contexts: [],
    questions,
  };
}
