import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Bank, type BankFormat, parseBank, serializeBank } from '../src/index';

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');

const load = (text: string, format: BankFormat): Bank => {
  const r = parseBank(text, { file: `bank.${format}`, format });
  expect(r.diagnostics).toEqual([]);
  if (!r.bank) throw new Error('no bank');
  return r.bank;
};

const sources = [
  ['banks/rnn-quiz.md', read('../../../banks/rnn-quiz.md')],
  ['fixtures/cnn-quiz.md', read('fixtures/cnn-quiz.md')],
  ['fixtures/week3-quiz.md', read('fixtures/week3-quiz.md')],
] as const;

describe.each(sources)('round trips of %s', (_name, text) => {
  const bank = load(text, 'md');

  it('md → json → md → json is stable', () => {
    const json1 = serializeBank(bank, 'json');
    const md = serializeBank(load(json1, 'json'), 'md');
    const json2 = serializeBank(load(md, 'md'), 'json');
    expect(json2).toBe(json1);
    expect(serializeBank(load(md, 'md'), 'md')).toBe(md);
  });

  it('yaml and json read back to the same bank', () => {
    expect(load(serializeBank(bank, 'yaml'), 'yaml')).toEqual(bank);
    expect(load(serializeBank(bank, 'json'), 'json')).toEqual(bank);
  });
});

describe('writing quiz-markdown', () => {
  it('keeps what the importer would infer differently in comments', () => {
    const bank: Bank = {
      id: 'odd',
      title: 'Odd bank',
      tags: [],
      contexts: [
        { id: 'p1', body: 'First paragraph.\n\nSecond paragraph.' },
        {
          id: 'p2',
          title: 'Later',
          body: 'The same story goes on.',
          continues: 'p1',
          notes: 'Derivation.',
        },
      ],
      questions: [
        {
          id: 'a',
          number: '7b',
          prompt: 'Pick every true one',
          options: [
            { key: 'A', text: 'yes' },
            { key: 'B', text: 'keep me last', pinned: true },
          ],
          answer: ['A'],
          multiple: true,
          notes: [{ kind: 'comment', text: 'A remark.' }],
          tags: ['t'],
        },
        {
          id: 'b',
          context: 'p1',
          prompt: 'Second?\n\nWith a second paragraph.',
          options: [
            { key: 'A', text: 'one\nwrapped' },
            { key: 'B', text: 'two' },
          ],
          answer: ['B'],
          multiple: false,
          explanation:
            'Because.\n\nA long second paragraph that opens like a scenario would, with an article and plenty of words to pass the length a passage needs, and then some more words.',
          notes: [{ kind: 'dispute', text: 'This is wrong.' }],
          tags: [],
        },
        {
          id: 'c',
          context: 'p2',
          prompt: 'Third?',
          options: [
            { key: 'A', text: 'x' },
            { key: 'B', text: 'y' },
          ],
          answer: ['A'],
          multiple: false,
          notes: [],
          tags: [],
        },
        {
          id: 'd',
          number: '9',
          prompt: 'Back to no passage?',
          options: [
            { key: 'A', text: 'x' },
            { key: 'B', text: 'y' },
          ],
          answer: ['B'],
          multiple: false,
          notes: [],
          tags: [],
        },
      ],
    };
    const md = serializeBank(bank, 'md');
    expect(load(md, 'md')).toEqual(bank);
  });
});
