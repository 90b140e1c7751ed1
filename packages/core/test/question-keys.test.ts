import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/index';
import { checkQuestionKeys, keysAreSound, type RefinementIssue } from '../src/model/bank';

const issuesOf = (q: Parameters<typeof checkQuestionKeys>[0]) => {
  const issues: RefinementIssue[] = [];
  checkQuestionKeys(q, 0, (issue) => issues.push(issue));
  return issues;
};

describe('keysAreSound, the shortcut past checkQuestionKeys', () => {
  it('is true exactly when checkQuestionKeys finds nothing, up to its size limit, on random keys', () => {
    const random = seededRandom('question-keys');
    const letters = 'ABCDEFGHIJKL';
    const key = (spread: number) => letters[Math.floor(random() * spread)] as string;
    let sound = 0;
    let unsound = 0;
    for (let n = 0; n < 20_000; n++) {
      const spread = 1 + Math.floor(random() * letters.length);
      const options = Array.from({ length: Math.floor(random() * 11) }, () => ({
        key: key(spread),
        text: 'x',
      }));
      const answer = Array.from({ length: Math.floor(random() * 4) }, () => key(spread));
      const q = { options, answer, multiple: random() < 0.5 };
      const clean = issuesOf(q).length === 0;
      const few = options.length <= 8 && answer.length <= 8;
      if (few) expect(keysAreSound(q), JSON.stringify(q)).toBe(clean);
      else expect(keysAreSound(q), JSON.stringify(q)).toBe(false);
      if (clean && few) sound++;
      if (!clean) unsound++;
    }
    expect(sound).toBeGreaterThan(1_000);
    expect(unsound).toBeGreaterThan(1_000);
  });

  it('says true for the usual question, false past its size limit', () => {
    const options = [...'ABCD'].map((key) => ({ key, text: key }));
    expect(keysAreSound({ options, answer: ['B'], multiple: false })).toBe(true);
    const many = [...'ABCDEFGHIJ'].map((key) => ({ key, text: key }));
    expect(keysAreSound({ options: many, answer: ['B'], multiple: false })).toBe(false);
    expect(issuesOf({ options: many, answer: ['B'], multiple: false })).toEqual([]);
  });
});
