import { describe, expect, it } from 'vitest';
import { isBlank, isPinnedText } from '../src/formats/markdown/lines';
import {
  joinParts,
  type QuestionParts,
  questionFields,
} from '../src/formats/markdown/question-fields';
import { impliedMultiple } from '../src/model/several-picks';

// The general rule, key by key, that questionFields' one-literal paths must agree with.
function keyByKey(p: QuestionParts): Record<string, unknown> {
  const { set } = p;
  const pinned = Array.isArray(set.pinned) ? set.pinned : [];
  const out: Record<string, unknown> = { id: set.id ?? `q${p.number}` };
  if (set.number !== null) out.number = set.number === undefined ? p.number : String(set.number);
  if ('context' in set) out.context = set.context;
  out.prompt = p.prompt;
  out.options = p.options.map((o) => {
    const option: Record<string, unknown> = { key: o.key, text: o.text };
    if (isPinnedText(o.text) || pinned.includes(o.key)) option.pinned = true;
    return option;
  });
  out.answer = p.answer;
  out.multiple = set.multiple ?? impliedMultiple(p.answer, p.prompt);
  if (p.explanations.length > 0) out.explanation = p.explanations.join('\n\n');
  out.notes = p.notes;
  if (set.tags !== undefined) out.tags = set.tags;
  if (set.check !== undefined) out.check = set.check;
  return out;
}

const OPTIONS = [
  { key: 'A', text: 'Yes', right: true, line: 2 },
  { key: 'B', text: 'All of the above', right: false, line: 3 },
  { key: 'C', text: '*No*', right: false, line: 4 },
];

// Every combination of the keys a comment may set, with and without explanations.
function* cases(): Generator<QuestionParts> {
  const choices: [string, unknown[]][] = [
    ['id', [undefined, 'x1']],
    ['number', [undefined, null, 7]],
    ['context', [undefined, 'p1']],
    ['multiple', [undefined, true]],
    ['pinned', [undefined, ['A']]],
    ['tags', [undefined, ['t']]],
    ['check', [undefined, { quantity: 'params' }]],
  ];
  const total = choices.reduce((n, [, v]) => n * v.length, 1);
  for (let c = 0; c < total; c++)
    for (const explanations of [[], ['Because.'], ['One.', 'Two.']]) {
      const set: Record<string, unknown> = {};
      let rest = c;
      for (const [key, values] of choices) {
        const value = values[rest % values.length];
        rest = Math.floor(rest / values.length);
        if (value !== undefined) set[key] = value;
      }
      yield {
        number: '3',
        set,
        prompt: 'Which apply? Select all that apply.',
        options: OPTIONS,
        answer: ['A', 'C'],
        explanations,
        notes: [{ kind: 'comment', text: 'n' }],
      };
    }
}

describe('questionFields', () => {
  it('gives the fields, in the same key order, as adding them key by key', () => {
    let n = 0;
    for (const p of cases()) {
      expect(JSON.stringify(questionFields(p))).toBe(JSON.stringify(keyByKey(p)));
      n++;
    }
    expect(n).toBe(2 * 3 * 2 * 2 * 2 * 2 * 2 * 3);
  });
});

describe('joinParts', () => {
  it('leaves blank parts out and joins the rest with a blank line', () => {
    const pool = ['', '  ', 'a', 'b c', '\t', 'd\ne'];
    for (let mask = 0; mask < 6 ** 3; mask++) {
      const parts: string[] = [];
      for (let k = mask, len = 0; len < 3; len++, k = Math.floor(k / 6))
        parts.push(pool[k % 6] as string);
      for (let len = 1; len <= 3; len++) {
        const some = parts.slice(0, len);
        expect(joinParts(some)).toBe(some.filter((p) => !isBlank(p)).join('\n\n'));
      }
    }
  });
});
