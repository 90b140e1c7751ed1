import { describe, expect, it } from 'vitest';
import {
  type GradeResult,
  grade,
  type Question,
  QuestionSchema,
  type ScoringPolicy,
} from '../src/index';

function question(answer: string[], multiple = answer.length > 1, count = 4): Question {
  return QuestionSchema.parse({
    id: 'q',
    prompt: 'Which?',
    options: 'ABCDE'
      .slice(0, count)
      .split('')
      .map((key) => ({ key, text: `option ${key}` })),
    answer,
    multiple,
  });
}

const single = question(['C']);
const multi = question(['A', 'B', 'D']); // the seed's Q5
const selectAllOneKey = question(['B'], true); // "select all that apply" with one key

type Row = [string, Question, string[], ScoringPolicy, GradeResult];
const r = (verdict: GradeResult['verdict'], score: number, missed: string[], wrong: string[]) => ({
  verdict,
  score,
  missed,
  wrong,
});

const table: Row[] = [
  ['single, right pick', single, ['C'], 'exact', r('correct', 1, [], [])],
  ['single, right pick, partial', single, ['C'], 'partial', r('correct', 1, [], [])],
  ['single, wrong pick', single, ['A'], 'exact', r('wrong', 0, ['C'], ['A'])],
  ['single, wrong pick, partial', single, ['A'], 'partial', r('wrong', 0, ['C'], ['A'])],
  ['single, no pick', single, [], 'exact', r('unanswered', 0, ['C'], [])],
  ['single, no pick, partial', single, [], 'partial', r('unanswered', 0, ['C'], [])],
  ['single, hedging', single, ['C', 'A'], 'exact', r('wrong', 0, [], ['A'])],
  ['single, hedging, partial', single, ['C', 'A'], 'partial', r('wrong', 0, [], ['A'])],
  [
    'single, hedging on every option',
    single,
    ['D', 'C', 'B', 'A'],
    'partial',
    r('wrong', 0, [], ['A', 'B', 'D']),
  ],
  ['single, same pick twice', single, ['C', 'C'], 'exact', r('correct', 1, [], [])],
  ['multi, all keys', multi, ['D', 'A', 'B'], 'exact', r('correct', 1, [], [])],
  ['multi, all keys, partial', multi, ['A', 'B', 'D'], 'partial', r('correct', 1, [], [])],
  ['multi, two of three', multi, ['A', 'B'], 'exact', r('wrong', 0, ['D'], [])],
  ['multi, two of three, partial', multi, ['A', 'B'], 'partial', r('partial', 2 / 3, ['D'], [])],
  ['multi, one of three, partial', multi, ['D'], 'partial', r('partial', 1 / 3, ['A', 'B'], [])],
  [
    'multi, all keys plus a wrong one',
    multi,
    ['A', 'B', 'C', 'D'],
    'exact',
    r('wrong', 0, [], ['C']),
  ],
  [
    'multi, all keys plus a wrong one, partial',
    multi,
    ['A', 'B', 'C', 'D'],
    'partial',
    r('partial', 2 / 3, [], ['C']),
  ],
  [
    'multi, one right one wrong, partial floors at 0',
    multi,
    ['A', 'C'],
    'partial',
    r('wrong', 0, ['B', 'D'], ['C']),
  ],
  ['multi, only wrong, partial', multi, ['C'], 'partial', r('wrong', 0, ['A', 'B', 'D'], ['C'])],
  ['multi, no pick', multi, [], 'partial', r('unanswered', 0, ['A', 'B', 'D'], [])],
  ['select-all with one key, right', selectAllOneKey, ['B'], 'exact', r('correct', 1, [], [])],
  [
    'select-all with one key, extra pick is not hedging',
    selectAllOneKey,
    ['B', 'C'],
    'partial',
    r('wrong', 0, [], ['C']),
  ],
  [
    'select-all with one key, extra pick, exact',
    selectAllOneKey,
    ['B', 'C'],
    'exact',
    r('wrong', 0, [], ['C']),
  ],
  [
    'a letter that is no option is a wrong pick',
    multi,
    ['A', 'B', 'D', 'Z'],
    'partial',
    r('partial', 2 / 3, [], ['Z']),
  ],
  [
    'wrong picks listed in option order',
    multi,
    ['C', 'Z', 'A'],
    'partial',
    r('wrong', 0, ['B', 'D'], ['C', 'Z']),
  ],
];

describe('grade', () => {
  it.each(table)('%s', (_name, q, picks, policy, expected) => {
    const got = grade(q, picks, policy);
    expect({ ...got, score: Number(got.score.toFixed(12)) }).toEqual({
      ...expected,
      score: Number(expected.score.toFixed(12)),
    });
  });

  it('defaults to exact scoring', () => {
    expect(grade(multi, ['A', 'B'])).toEqual(grade(multi, ['A', 'B'], 'exact'));
    expect(grade(multi, ['A', 'B']).score).toBe(0);
  });

  it('keeps the score within 0..1 for every subset of picks', () => {
    const letters = ['A', 'B', 'C', 'D'];
    for (let mask = 0; mask < 16; mask++) {
      const picks = letters.filter((_, i) => mask & (1 << i));
      for (const policy of ['exact', 'partial'] as const) {
        for (const q of [single, multi, selectAllOneKey]) {
          const { score, verdict } = grade(q, picks, policy);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
          expect(verdict === 'correct').toBe(score === 1);
        }
      }
    }
  });
});
