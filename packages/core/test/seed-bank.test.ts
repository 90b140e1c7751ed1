import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Bank, parseBank } from '../src/index';

const bankPath = fileURLToPath(new URL('../../../banks/rnn-quiz.md', import.meta.url));
// A verbatim copy of the study group's seed quiz (shared/seed/rnn-quiz.md).
const seedPath = fileURLToPath(new URL('fixtures/seed-rnn-quiz.md', import.meta.url));
const bundled = readFileSync(bankPath, 'utf8');

/** The bundled bank minus its front matter and the lines holding only quizdeck comments. */
function stripAnnotations(text: string): string {
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  return lines
    .slice(close + 1)
    .filter((l) => !/^\s*<!-- quizdeck:.*-->\s*$/.test(l))
    .join('\n');
}

const load = (text: string, file: string): Bank => {
  const r = parseBank(text, { file, format: 'md' });
  expect(r.diagnostics).toEqual([]);
  if (!r.bank) throw new Error('no bank');
  return r.bank;
};

const seedText = readFileSync(seedPath, 'utf8');

describe('banks/rnn-quiz.md', () => {
  it('is the seed text plus front matter and quizdeck comments only', () => {
    expect(stripAnnotations(bundled)).toBe(seedText);
  });

  const cases = [
    ['the bundled bank', bundled, 'banks/rnn-quiz.md'],
    ['the raw seed (no annotations)', seedText, 'rnn-quiz.md'],
  ] as const;
  describe.each(cases)('seed facts from %s', (_name, text, file) => {
    const bank = load(text, file);
    const byNumber = (n: string) => {
      const q = bank.questions.find((x) => x.number === n);
      if (!q) throw new Error(`no question ${n}`);
      return q;
    };

    it('has 10 questions with the official keys', () => {
      expect(bank.questions.map((q) => `${q.number} ${q.answer.join(',')}`)).toEqual([
        '1 A,D',
        '2 D',
        '3 C',
        '4 C',
        '5 A,B,D',
        '6 C',
        '7 B',
        '8 B',
        '9 B',
        '10 D',
      ]);
      expect(bank.questions.map((q) => q.multiple)).toEqual([
        true,
        false,
        false,
        false,
        true,
        false,
        false,
        false,
        false,
        false,
      ]);
    });

    it('puts Q4-5 in the MRI passage and Q6-10 in the CNN passage, which continues it', () => {
      const [mri, cnn] = bank.contexts;
      expect(bank.contexts).toHaveLength(2);
      expect(mri?.body).toMatch(/^A company is trying to automate case reports for MRI scans/);
      expect(mri?.body).toContain('5 different conditions');
      expect(mri?.continues).toBeUndefined();
      expect(cnn?.body).toMatch(/^The ML engineer in the company decides/);
      expect(cnn?.continues).toBe(mri?.id);
      expect(cnn?.notes).toMatch(/^I assume the input size is/);
      expect(cnn?.notes).toMatch(
        /So {2}\$W_\{yh\}\$ {2}is \(no data to identify row size , 100\)$/,
      );
      const contextOf = bank.questions.map((q) => q.context);
      expect(contextOf).toEqual([
        undefined,
        undefined,
        undefined,
        mri?.id,
        mri?.id,
        ...Array(5).fill(cnn?.id),
      ]);
    });

    it('keeps the disputes on Q1, Q3 and Q5 and the marks that disagree with the accepted answers', () => {
      const disputed = bank.questions
        .filter((q) => q.notes.some((n) => n.kind === 'dispute'))
        .map((q) => q.number);
      expect(disputed).toEqual(['1', '3', '5']);
      expect(byNumber('1').notes[1]?.text).toMatch(
        /^I think the 'learning rate' option will be right only if/,
      );
      expect(byNumber('3').notes).toEqual([
        { kind: 'dispute', text: 'LOOK LIKE THE QUESTION IS WRONG. AlexNet is odd here.' },
      ]);
      expect(byNumber('1').notes[0]).toEqual({
        kind: 'comment',
        text: 'The options marked RIGHT (D) differ from the accepted answer (A, D).',
      });
      expect(byNumber('5').notes[0]?.text).toContain(
        '(A, B) differ from the accepted answer (A, B, D)',
      );
    });

    it('pins "All of the above" and reads the option styles', () => {
      expect(byNumber('2').options[3]).toEqual({
        key: 'D',
        text: 'All of the above',
        pinned: true,
      });
      expect(byNumber('2').options.filter((o) => o.pinned)).toHaveLength(1);
      expect(byNumber('5').options[1]?.text).toBe(
        'There are 30 sequential inputs to the RNN each of size  $227 \\times 227$',
      );
      expect(byNumber('6').options.map((o) => o.text)).toEqual([
        '$5000 \\times 5000$',
        '$50 \\times 50$',
        '$100 \\times 100$',
        '$30 \\times 30$',
      ]);
      expect(byNumber('8').prompt).toBe(
        'What is the size of the bias matrix for the recurrent unit?',
      );
      expect(byNumber('6').prompt).toBe('What is the size of the matrix $W_{hh}$ ?');
    });

    it('keeps the Q10 derivation as its explanation', () => {
      expect(byNumber('10').explanation).toMatch(/^LSTM have eight paramers;[\s\S]*= 60000\$$/);
      expect(byNumber('10').notes).toEqual([]);
    });
  });

  it('takes ids, tags, titles and bank fields from the annotations', () => {
    const bank = load(bundled, 'banks/rnn-quiz.md');
    expect(bank.id).toBe('rnn-quiz');
    expect(bank.title).toBe('Recurrent neural networks');
    expect(bank.contexts.map((c) => [c.id, c.title, c.continues])).toEqual([
      ['mri', 'MRI case reports', undefined],
      ['mri-cnn-embedding', 'CNN embedding of each frame', 'mri'],
    ]);
    expect(bank.questions[0]).toMatchObject({ id: 'growing-weights', tags: ['training'] });
    const located = parseBank(bundled, { file: 'b.md', format: 'md' }).locations;
    expect(located.questions['growing-weights']).toEqual({ line: 10, col: 1 });
    expect(located.questions['mri-whh-size']).toEqual({ line: 95, col: 4 });
    expect(located.contexts.mri).toEqual({ line: 44, col: 1 });
  });
});
