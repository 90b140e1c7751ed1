import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainMarkdown } from '../src/formats/markdown/explain';
import {
  type BankFormat,
  parseBank,
  RenderError,
  renderDiagnostics,
  renderQuestion,
  seededRandom,
  serializeBank,
  unrenderableReason,
} from '../src/index';
import { droppedLines } from './dropped-lines';
import { HOSTILE_SNIPPETS, mutate, STRUCTURED_SNIPPETS } from './fuzz-mutations';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const read = (path: string) => readFileSync(here(path), 'utf8');

const SEEDS = [
  ...readdirSync(here('corpus'))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => `corpus/${f}`),
  'fixtures/seed-rnn-quiz.md',
  'fixtures/cnn-quiz.md',
  'fixtures/week3-quiz.md',
  '../../../banks/rnn-quiz.md',
].map(read);

const MARKDOWN_INPUTS = 1800;
const STRUCTURED_INPUTS = 450;
const SEED = 'fuzz-banks-1';

/** A problem with one input: what was wrong, and the input to reproduce it. */
type Failure = { problem: string; input: string };

/**
 * Everything the library does with a bank file, on one input: parse, explain, render every question
 * for every target, check the rendering, serialise. Returns what went wrong, if anything.
 */
function exercise(input: string, format: BankFormat): string[] {
  const problems: string[] = [];
  const file = `fuzz.${format === 'md' ? 'md' : `quiz.${format}`}`;
  const result = parseBank(input, { file, format });
  if (format === 'md') {
    const x = explainMarkdown(input, file);
    if (x.lines.length > 0) {
      for (const line of droppedLines(input.replace(/^\ufeff/, ''), x))
        problems.push(`line dropped silently: ${line.slice(0, 120)}`);
    }
  }
  for (const d of result.diagnostics) {
    if (!Number.isInteger(d.line) || d.line < 1)
      problems.push(`diagnostic without a line: ${d.message}`);
  }
  const bank = result.bank;
  if (!bank) return problems;
  renderDiagnostics(bank, result.locations, file);
  for (const q of bank.questions) {
    for (const target of ['text', 'discord', 'html'] as const) {
      try {
        renderQuestion(bank, q, target);
      } catch (error) {
        // A question a renderer cannot render must be known as such beforehand.
        if (!(error instanceof RenderError) || unrenderableReason(bank, q, target) === undefined)
          throw error;
      }
    }
  }
  for (const to of ['json', 'yaml', 'md'] as const) serializeBank(bank, to);
  return problems;
}

function run(inputs: Iterable<[string, BankFormat]>): { tried: number; failures: Failure[] } {
  const failures: Failure[] = [];
  let tried = 0;
  for (const [input, format] of inputs) {
    tried++;
    let problems: string[];
    try {
      problems = exercise(input, format);
    } catch (error) {
      const e = error as Error;
      problems = [`threw ${e.name}: ${e.message.slice(0, 200)}`];
    }
    for (const problem of problems) if (failures.length < 12) failures.push({ problem, input });
  }
  return { tried, failures };
}

const shown = (f: Failure) =>
  `${f.problem}\n  input (${f.input.length} chars): ${JSON.stringify(f.input.slice(0, 300))}`;

describe('seeded fuzzing of bank files', () => {
  it('markdown: mutated corpus and seed banks parse, explain, render and serialise without a throw or a dropped line', () => {
    const random = seededRandom(SEED);
    function* inputs(): Generator<[string, 'md']> {
      for (let n = 0; n < MARKDOWN_INPUTS; n++) {
        const seed = SEEDS[Math.floor(random() * SEEDS.length)] ?? '';
        yield [mutate(seed, random, SEEDS, HOSTILE_SNIPPETS), 'md'];
      }
    }
    const { tried, failures } = run(inputs());
    console.log(`fuzz: ${tried} mutated quiz-markdown inputs (seed "${SEED}")`);
    expect(failures.map(shown)).toEqual([]);
    expect(tried).toBe(MARKDOWN_INPUTS);
  }, 120_000);

  it('yaml and json: mutated canonical banks parse and render without a throw', () => {
    const random = seededRandom(`${SEED}-structured`);
    const canonical = SEEDS.flatMap((text) => {
      const bank = parseBank(text, { file: 'seed.md', format: 'md' }).bank;
      return bank ? [serializeBank(bank, 'yaml'), serializeBank(bank, 'json')] : [];
    });
    expect(canonical.length).toBeGreaterThan(10);
    function* inputs(): Generator<[string, BankFormat]> {
      for (let n = 0; n < STRUCTURED_INPUTS; n++) {
        const i = Math.floor(random() * canonical.length);
        const format = i % 2 === 0 ? 'yaml' : 'json';
        const snippets = [...STRUCTURED_SNIPPETS, ...HOSTILE_SNIPPETS.slice(0, 12)];
        yield [mutate(canonical[i] ?? '', random, canonical, snippets), format];
      }
    }
    const { tried, failures } = run(inputs());
    console.log(`fuzz: ${tried} mutated YAML/JSON inputs (seed "${SEED}-structured")`);
    expect(failures.map(shown)).toEqual([]);
  }, 120_000);
});
