import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkAnswerKeys, parseBank } from '../src/index';

const file = fileURLToPath(new URL('../../../banks/rnn-quiz.md', import.meta.url));
const text = readFileSync(file, 'utf8');
const load = (md: string) => {
  const r = parseBank(md, { file: 'banks/rnn-quiz.md', format: 'md' });
  if (!r.bank) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.bank;
};

describe('banks/rnn-quiz.md key checks', () => {
  it('gives Q6–Q10 a check each, and their keys agree with the math', () => {
    const bank = load(text);
    expect(bank.questions.filter((q) => q.check).map((q) => q.number)).toEqual([
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(checkAnswerKeys(bank)).toEqual([]);
  });

  it('reports a wrong key with the computed value and convention', () => {
    const wrong = text
      .replace('- **B RIGHT.** 5x100\n- C. 100x5', '- B. 5x100\n- **C RIGHT.** 100x5')
      .replace('- C. 45000\n- **D RIGHT.** 60000', '- **C RIGHT.** 45000\n- D. 60000');
    expect(wrong).not.toBe(text);
    expect(checkAnswerKeys(load(wrong))).toEqual([
      {
        questionId: 'mri-wyh-size',
        message:
          'the key C ("100x5") disagrees with the math: W_yh = 5 × 100 under the textbook convention, which is option B',
      },
      {
        questionId: 'mri-lstm-params',
        message:
          'the key C ("45000") disagrees with the math: total parameters without biases and output layer = 60,000 under the textbook convention, which is option D',
      },
    ]);
  });
});
