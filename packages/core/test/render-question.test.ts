import { describe, expect, it } from 'vitest';
import {
  type Bank,
  BankSchema,
  ContextChainError,
  contextChain,
  renderQuestion,
  shuffleQuestion,
} from '../src/index';

const bank: Bank = BankSchema.parse({
  id: 'mini',
  title: 'Mini',
  contexts: [
    { id: 'mri', title: 'MRI *scans*', body: 'Videos of 30 frames, each $227 \\times 227$.' },
    {
      id: 'cnn',
      body: 'A CNN embedding of size 50 feeds the RNN.',
      notes: 'So $W_{hh}$ is $(100, 100)$.',
      continues: 'mri',
    },
    { id: 'other', body: 'Unrelated passage @everyone.' },
  ],
  questions: [
    {
      id: 'q5',
      number: '5',
      context: 'mri',
      prompt: 'Which of the following are true?',
      options: [
        { key: 'A', text: 'depth of 30 in time' },
        { key: 'B', text: '30 inputs each of size $227 \\times 227$' },
        { key: 'C', text: '1 input of size $227 \\times 227 \\times 30$' },
        { key: 'D', text: 'All of the above', pinned: true },
      ],
      answer: ['A', 'B'],
      multiple: true,
      notes: [{ kind: 'dispute', text: 'Option <b>D</b> is odd, @here' }],
    },
    {
      id: 'q6',
      context: 'cnn',
      prompt: 'What is the size of the matrix $W_{hh}$ ?',
      options: [
        { key: 'A', text: '$5000 \\times 5000$' },
        { key: 'B', text: '$100 \\times 100$' },
      ],
      answer: ['B'],
      multiple: false,
      explanation: 'Hidden size is **100**.',
    },
    {
      id: 'q7',
      prompt: 'Select all that apply: <script>alert(1)</script>',
      options: [
        { key: 'A', text: 'a' },
        { key: 'B', text: 'b' },
      ],
      answer: ['A'],
      multiple: true,
    },
  ],
});
const [q5, q6, q7] = bank.questions as [
  Bank['questions'][number],
  Bank['questions'][number],
  Bank['questions'][number],
];

describe('contextChain', () => {
  it('lists the passages oldest first, following continues', () => {
    expect(contextChain(bank, 'cnn').map((c) => c.id)).toEqual(['mri', 'cnn']);
    expect(contextChain(bank, 'mri').map((c) => c.id)).toEqual(['mri']);
    expect(contextChain(bank, undefined)).toEqual([]);
  });

  it('throws a QuizdeckError on an unknown id or a cycle', () => {
    expect(() => contextChain(bank, 'nope')).toThrow(ContextChainError);
    expect(() => contextChain(bank, 'nope')).toThrow('unknown context "nope"');
    const cyclic = {
      contexts: [
        { id: 'a', body: 'a', continues: 'b' },
        { id: 'b', body: 'b', continues: 'a' },
      ],
    };
    expect(() => contextChain(cyclic, 'a')).toThrow(
      expect.objectContaining({ code: 'CONTEXT_CYCLE' }),
    );
  });
});

describe('renderQuestion', () => {
  it('renders every field for discord', () => {
    expect(renderQuestion(bank, q6, 'discord')).toEqual({
      contexts: [
        { id: 'mri', title: 'MRI *scans*', body: 'Videos of 30 frames, each 227 × 227.' },
        {
          id: 'cnn',
          body: 'A CNN embedding of size 50 feeds the RNN.',
          notes: 'So W_hh is (100, 100).',
        },
      ],
      prompt: 'What is the size of the matrix W_hh ?',
      options: [
        { key: 'A', text: '5000 × 5000', pinned: false },
        { key: 'B', text: '100 × 100', pinned: false },
      ],
      answer: ['B'],
      multiple: false,
      selectAll: false,
      explanation: 'Hidden size is **100**.',
      notes: [],
    });
  });

  it('renders html with MathJax delimiters and escaped notes', () => {
    const r = renderQuestion(bank, q5, 'html');
    expect(r.contexts).toEqual([
      {
        id: 'mri',
        title: 'MRI <em>scans</em>',
        body: '<p>Videos of 30 frames, each \\(227 \\times 227\\).</p>\n',
      },
    ]);
    expect(r.options.map((o) => o.text)).toEqual([
      'depth of 30 in time',
      '30 inputs each of size \\(227 \\times 227\\)',
      '1 input of size \\(227 \\times 227 \\times 30\\)',
      'All of the above',
    ]);
    expect(r.options.map((o) => o.pinned)).toEqual([false, false, false, true]);
    expect(r.notes).toEqual([
      { kind: 'dispute', text: '<p>Option &lt;b&gt;D&lt;/b&gt; is odd, @here</p>\n' },
    ]);
    expect(r).toMatchObject({ answer: ['A', 'B'], multiple: true, selectAll: true });
    expect(r.explanation).toBeUndefined();
  });

  it('neutralises mentions in every discord string', () => {
    const r = renderQuestion(bank, q5, 'discord');
    expect(r.notes[0]?.text).toBe('Option <b>D</b> is odd, @\u200bhere');
    expect(
      renderQuestion({ contexts: bank.contexts }, { ...q5, context: 'other' }, 'discord')
        .contexts[0]?.body,
    ).toBe('Unrelated passage @\u200beveryone.');
  });

  it('asks for a select-all hint only when the prompt does not say it', () => {
    expect(renderQuestion(bank, q7, 'text')).toMatchObject({ multiple: true, selectAll: false });
    expect(renderQuestion(bank, q7, 'html').prompt).toBe(
      '<p>Select all that apply: &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
  });

  it('gives each call its own passage objects', () => {
    const first = renderQuestion(bank, q6, 'text');
    (first.contexts[0] as { body: string }).body = 'changed by a caller';
    expect(renderQuestion(bank, q6, 'text').contexts[0]?.body).toBe(
      'Videos of 30 frames, each 227 × 227.',
    );
    expect(renderQuestion(bank, q6, 'html').contexts[0]?.body).toBe(
      '<p>Videos of 30 frames, each \\(227 \\times 227\\).</p>\n',
    );
  });

  it('renders a shuffled question in its new order with the relabelled key', () => {
    const { question, toOriginal } = shuffleQuestion(q5, 'seed-1');
    const r = renderQuestion(bank, question, 'text');
    expect(r.options.map((o) => o.key)).toEqual(['A', 'B', 'C', 'D']);
    expect(r.options[3]).toEqual({ key: 'D', text: 'All of the above', pinned: true });
    expect(r.answer.map((k) => toOriginal[k]).sort()).toEqual(['A', 'B']);
  });
});
