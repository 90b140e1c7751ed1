import { describe, expect, it } from 'vitest';
import { endsPassage, MARKER_RE } from '../src/formats/markdown/passages';

const PIECES = [
  'Answer the following',
  'answer THE FOLLOWING questions',
  'the following three questions',
  'questions that follow',
  'Question follows',
  'the next 3 questions',
  'the NEXT two Questions',
  'questions 4-5',
  'Questions 12 to 15',
  'question 7 and 8',
  'Q3–Q5',
  'q3 to 5',
  'Q12 — Q14',
  'Use it for',
  'equals',
  'square',
  'follow',
  'followings',
  'Ⅹ',
  '—',
  '\n',
  ' ',
];

// Seeded, so a failure names the same texts every run.
function* texts(): Generator<string> {
  let seed = 12;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (const p of PIECES) yield p;
  for (let n = 0; n < 4000; n++) {
    const parts: string[] = [];
    for (let k = next() % 5; k >= 0; k--) parts.push(PIECES[next() % PIECES.length] as string);
    yield parts.join(next() % 2 === 0 ? ' ' : '');
  }
}

describe('passage markers', () => {
  it('endsPassage agrees with the marker pattern alone', () => {
    let markers = 0;
    for (const t of texts()) {
      const want = MARKER_RE.test(t);
      if (want) markers++;
      expect([t, endsPassage(t)]).toEqual([t, want]);
    }
    expect(markers).toBeGreaterThan(500);
  });
});
