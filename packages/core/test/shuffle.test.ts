import { describe, expect, it } from 'vitest';
import { grade, type Question, QuestionSchema, shuffleQuestion } from '../src/index';

const q = QuestionSchema.parse({
  id: 'q2',
  prompt: 'Which of the following statements are true',
  options: [
    { key: 'A', text: 'forward pass is cheaper' },
    { key: 'B', text: 'only LSTMs have a memory cell' },
    { key: 'C', text: 'LSTMs compute deeper sequences' },
    { key: 'D', text: 'None of these' },
    { key: 'E', text: 'six' },
    { key: 'F', text: 'All of the above', pinned: true },
  ],
  answer: ['B', 'F'],
  multiple: true,
});
// "None of these" is pinned too, but written before another option: pinned ones keep their order.
const twoPinned: Question = {
  ...q,
  id: 'q2-pinned',
  options: q.options.map((o) => (o.key === 'D' ? { ...o, pinned: true } : o)),
};

const SEEDS = Array.from({ length: 1000 }, (_, i) => (i % 2 ? i : `session-${i}`));
const textOf = (question: Question, key: string) =>
  question.options.find((o) => o.key === key)?.text;

describe('shuffleQuestion over 1,000 seeds', () => {
  for (const source of [q, twoPinned]) {
    it(`${source.id}: a permutation, relabelled A.., pinned last, key maps back`, () => {
      for (const seed of SEEDS) {
        const { question: s, toOriginal } = shuffleQuestion(source, seed);
        expect(s.options.map((o) => o.key)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
        expect(s.options.map((o) => o.text).sort()).toEqual(
          source.options.map((o) => o.text).sort(),
        );
        const pinnedTexts = source.options.filter((o) => o.pinned).map((o) => o.text);
        expect(s.options.slice(-pinnedTexts.length).map((o) => o.text)).toEqual(pinnedTexts);
        expect(s.options.slice(0, -pinnedTexts.length).some((o) => o.pinned)).toBe(false);
        for (const o of s.options) expect(textOf(source, toOriginal[o.key] as string)).toBe(o.text);
        expect(s.answer.map((k) => toOriginal[k]).sort()).toEqual([...source.answer].sort());
        expect(s.answer).toEqual([...s.answer].sort());
        expect(s.answer.map((k) => textOf(s, k)).sort()).toEqual(
          source.answer.map((k) => textOf(source, k)).sort(),
        );
        // Grading the shuffled question with relabelled picks agrees with the original.
        expect(grade(s, s.answer).verdict).toBe('correct');
      }
    });
  }

  it('is deterministic: same seed, same order; the input is not modified', () => {
    const before = structuredClone(q);
    for (const seed of SEEDS.slice(0, 200)) {
      expect(shuffleQuestion(q, seed)).toEqual(shuffleQuestion(q, seed));
    }
    expect(q).toEqual(before);
  });

  it('is not always the identity and reaches every order of the free options', () => {
    const orders = new Set<string>();
    let identity = 0;
    for (const seed of SEEDS) {
      const order = Object.values(shuffleQuestion(q, seed).toOriginal).join('');
      orders.add(order);
      if (order === 'ABCDEF') identity++;
    }
    // 5 free options: 120 orders, each expected ~8 times in 1,000 draws.
    expect(orders.size).toBe(120);
    expect(identity).toBeLessThan(30);
  });

  it('spreads each option over every free position (no gross bias)', () => {
    const firstPlace = new Map<string, number>();
    for (const seed of SEEDS) {
      const first = shuffleQuestion(q, seed).toOriginal.A as string;
      firstPlace.set(first, (firstPlace.get(first) ?? 0) + 1);
    }
    expect([...firstPlace.keys()].sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    for (const n of firstPlace.values()) expect(n).toBeGreaterThan(120); // expected 200
  });

  it('gives different questions different orders under one session seed', () => {
    const other = { ...q, id: 'q3' };
    const same = SEEDS.filter(
      (seed) =>
        Object.values(shuffleQuestion(q, seed).toOriginal).join('') ===
        Object.values(shuffleQuestion(other, seed).toOriginal).join(''),
    ).length;
    expect(same).toBeLessThan(50);
  });

  it('treats a number seed and its string as the same seed', () => {
    expect(shuffleQuestion(q, 42)).toEqual(shuffleQuestion(q, '42'));
  });
});
