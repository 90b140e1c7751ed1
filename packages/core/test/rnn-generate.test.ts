import { describe, expect, it } from 'vitest';
import {
  type Bank,
  type BankFormat,
  BankSchema,
  type Check,
  checkAnswerKeys,
  computeShapes,
  generateBank,
  parseBank,
  parseCount,
  parseShape,
  ShapeSpecError,
  type ShapeSpecInput,
  serializeBank,
} from '../src/index';

describe('generateBank', () => {
  const bank = generateBank({ count: 600, seed: 'vitest' });

  it('is a valid bank of the requested size', () => {
    const parsed = BankSchema.safeParse(bank);
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(bank.questions).toHaveLength(600);
    expect(bank.id).toBe('generated-vitest');
  });

  it('numbers the questions 1..N and names the flags that reproduce it', () => {
    expect(bank.questions.map((q) => q.number)).toEqual(
      Array.from({ length: 600 }, (_, i) => String(i + 1)),
    );
    expect(bank.source).toBe('quizdeck generate --count 600 --seed vitest');
    const some = generateBank({ count: 2, seed: 1, cells: ['gru'], conventions: ['keras'] });
    expect(some.source).toBe(
      'quizdeck generate --count 2 --seed 1 --cells gru --conventions keras',
    );
  });

  it('gives every question 4 distinct options, one key, an explanation and a check', () => {
    for (const q of bank.questions) {
      expect(q.options.map((o) => o.key)).toEqual(['A', 'B', 'C', 'D']);
      expect(new Set(q.options.map((o) => o.text)).size).toBe(4);
      expect(q.answer).toHaveLength(1);
      expect(q.check).toBeDefined();
      // the explanation names the mistake behind each of the three distractors
      const lines = q.explanation?.split('\n').filter((l) => l.startsWith('- ')) ?? [];
      expect(lines).toHaveLength(3);
      for (const o of q.options.filter((o) => o.key !== q.answer[0])) {
        expect(lines.some((l) => l.startsWith(`- ${o.key}, ${o.text}: `))).toBe(true);
      }
    }
  });

  it('passes its own key checks', () => {
    expect(checkAnswerKeys(bank)).toEqual([]);
  });

  it('covers every drill kind, cell and convention', () => {
    const tags = new Set(bank.questions.flatMap((q) => q.tags));
    for (const t of ['weight-shape', 'bias-shape', 'output-shape', 'params', 'unrolled-depth']) {
      expect(tags).toContain(t);
    }
    for (const t of ['rnn', 'gru', 'lstm', 'textbook', 'pytorch', 'keras'])
      expect(tags).toContain(t);
  });

  it('draws distractors from the named mistakes', () => {
    const text = bank.questions.map((q) => q.explanation).join('\n');
    for (const mistake of [
      'transposed',
      'forgot the biases',
      'counted two biases per gate',
      'forgot the backward direction',
      "counted an LSTM's 4 gates",
      'fed every layer the input size',
    ]) {
      expect(text).toContain(mistake);
    }
  });

  it('computes each distractor from its mistake', () => {
    const counted = (check: Extract<Check, { quantity: 'params' }>, spec: ShapeSpecInput) => {
      const r = computeShapes(spec);
      return r.tensors
        .filter((t) => !(check.exclude.includes('bias') && t.kind === 'bias'))
        .filter((t) => !(check.exclude.includes('output') && t.part === 'output'))
        .reduce((a, t) => a + t.params, 0);
    };
    const seen = new Set<string>();
    for (const q of bank.questions) {
      const key = q.options.find((o) => o.key === q.answer[0])?.text ?? '';
      for (const line of q.explanation?.split('\n') ?? []) {
        const m = /^- ([A-D]), (.+?): (.+)\.$/.exec(line);
        if (!m) continue;
        const [, , text = '', mistake = ''] = m;
        const check = q.check;
        if (mistake.startsWith('transposed')) {
          seen.add('transposed');
          expect(parseShape(text)).toEqual(parseShape(key)?.reverse());
        }
        if (check?.quantity !== 'params') continue;
        if (mistake === 'forgot the biases') {
          seen.add('bias');
          expect(parseCount(text)).toBe(
            counted({ ...check, exclude: [...check.exclude, 'bias'] }, check.spec),
          );
        }
        if (mistake === 'forgot the backward direction') {
          seen.add('direction');
          expect(parseCount(text)).toBe(counted(check, { ...check.spec, bidirectional: false }));
        }
        if (mistake === 'counted only the first layer') {
          seen.add('layers');
          expect(parseCount(text)).toBe(counted(check, { ...check.spec, layers: 1 }));
        }
      }
    }
    expect([...seen].sort()).toEqual(['bias', 'direction', 'layers', 'transposed']);
  });

  it('is deterministic: same seed same bank, another seed other questions', () => {
    expect(JSON.stringify(generateBank({ count: 600, seed: 'vitest' }))).toBe(JSON.stringify(bank));
    const prompts = (b: Bank) => b.questions.slice(0, 50).map((q) => q.prompt);
    // a shorter run is a prefix of a longer one
    expect(prompts(generateBank({ count: 50, seed: 'vitest' }))).toEqual(prompts(bank));
    expect(prompts(generateBank({ count: 50, seed: 'other' }))).not.toEqual(prompts(bank));
    // the CLI passes seeds as strings: 42 and '42' are the same seed
    expect(generateBank({ count: 5, seed: 42 })).toEqual(generateBank({ count: 5, seed: '42' }));
  });

  it('keeps to the cells and conventions asked for', () => {
    const only = generateBank({ count: 100, seed: 3, cells: ['gru'], conventions: ['keras'] });
    for (const q of only.questions) {
      expect(q.tags).toContain('gru');
      expect(q.tags).toContain('keras');
      // the answer depends on reset_after, so the prompt must say which
      if (q.check && 'spec' in q.check) {
        const resetAfter = q.check.spec.resetAfter !== false;
        expect(q.prompt).toContain(resetAfter ? 'reset_after=True' : 'reset_after=False');
      }
    }
    expect(checkAnswerKeys(only)).toEqual([]);
  });

  it('rejects bad options', () => {
    expect(() => generateBank({ count: 0, seed: 1 })).toThrow(ShapeSpecError);
    expect(() => generateBank({ count: 3, seed: 1, cells: [] })).toThrow(/at least one cell/);
  });

  it.each(['md', 'json', 'yaml'] as BankFormat[])(
    'round-trips through %s and still passes the checks',
    (format) => {
      const small = generateBank({ count: 40, seed: `round-${format}` });
      const text = serializeBank(small, format);
      expect(serializeBank(generateBank({ count: 40, seed: `round-${format}` }), format)).toBe(
        text,
      );
      const back = parseBank(text, { file: `gen.${format}`, format });
      expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const bank2 = back.bank as Bank;
      const fields = (b: Bank) =>
        b.questions.map((q) => [q.prompt, q.answer, q.options, q.explanation, q.tags, q.check]);
      expect(fields(bank2)).toEqual(fields(small));
      expect(checkAnswerKeys(bank2)).toEqual([]);
    },
  );
});
