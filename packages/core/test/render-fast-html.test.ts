import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fastInlineMarkdownToHtml,
  fastMarkdownToHtml,
  generateBank,
  inlineMarkdownItToHtml,
  markdownItToHtml,
  parseBank,
  renderMarkdown,
  seededRandom,
} from '../src/index';

// Fragments chosen to sit on the edges of the fast path's subset: block markers, emphasis in every
// flanking position, unclosed code and math, escapes, entities, HTML, odd whitespace.
const FRAGMENTS = [
  'word',
  'Answer',
  'A',
  '7,213',
  'x',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n',
  '\n\n',
  '\n\n\n',
  '- ',
  '-',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '#',
  '# ',
  '>',
  '> ',
  '**',
  '*',
  '***',
  '_',
  '__',
  '`',
  '``',
  '$',
  '$$',
  '\\(',
  '\\)',
  '\\[',
  '\\]',
  '\\',
  '\\*',
  '<',
  '&',
  '&amp;',
  '"',
  "'",
  ':',
  '.',
  ',',
  '(',
  ')',
  '|',
  '~',
  '~~',
  '[',
  ']',
  '!',
  '=',
  '---',
  '\t',
  '\r\n',
  'é',
  '×',
  '\u00a0',
  '\u2003',
  'h_t',
  'W_{hh}',
  ' < ',
  ' & ',
  '\u0007',
  '\u001b[1m',
  '\u200e',
  '\u0001',
];

function randomMarkdown(random: () => number): string {
  const length = 1 + Math.floor(random() * 24);
  let s = '';
  for (let i = 0; i < length; i++) s += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
  return s;
}

/** A sentence of plain words with some inline syntax: most of these take the fast path. */
function randomPlainish(random: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const word = () =>
    pick([
      'the',
      'gate',
      '512',
      '**A**',
      '*em*',
      '`torch.nn`',
      '`a b`',
      '$h_t$',
      '$W < U & b$',
      '\\(x^2\\)',
      '$$y$$',
      'bias_ih',
      '"quoted"',
      "it's",
      'a > b',
      '(**B**)',
      '**C**:',
      '$5',
      '`x',
      '$\\href{x}{y}$',
      '\\(\\class{a} b\\)',
      '{a}',
    ]);
  // Words the fast path refuses, rare enough that most texts still take it.
  const odd = () => pick(['C:\\path', 'bell\u0007', '`code\u009b`', '$x\u202e$', 'tab\tbed']);
  const sentence = () =>
    Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
      random() < 0.01 ? odd() : word(),
    ).join(' ');
  const block = () =>
    random() < 0.3
      ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => `- ${sentence()}`).join('\n')
      : Array.from({ length: 1 + Math.floor(random() * 2) }, sentence).join('\n');
  return Array.from({ length: 1 + Math.floor(random() * 3) }, block).join(
    random() < 0.8 ? '\n\n' : '\n',
  );
}

/** How many of `sources` the fast path answers; where it answers, it gives the reference's HTML. */
function expectFastToMatch(
  sources: readonly string[],
  fast: (source: string) => string | undefined,
  reference: (source: string) => string,
): number {
  let answered = 0;
  for (const source of sources) {
    const quick = fast(source);
    if (quick === undefined) continue;
    answered++;
    expect(quick, JSON.stringify(source)).toBe(reference(source));
  }
  return answered;
}

function expectSameAsMarkdownIt(sources: readonly string[]): number {
  for (const source of sources) {
    expect(renderMarkdown(source, 'html'), JSON.stringify(source)).toBe(markdownItToHtml(source));
  }
  return expectFastToMatch(sources, fastMarkdownToHtml, markdownItToHtml);
}

const expectSameAsRenderInline = (sources: readonly string[]) =>
  expectFastToMatch(sources, fastInlineMarkdownToHtml, inlineMarkdownItToHtml);

describe('fast path for plain Markdown to HTML', () => {
  it('gives exactly what markdown-it gives on random fragment soup', () => {
    const random = seededRandom('fast-html-soup');
    const sources = Array.from({ length: 20_000 }, () => randomMarkdown(random));
    const fast = expectSameAsMarkdownIt(sources);
    expect(fast).toBeGreaterThan(500); // the comparison exercised the fast path
  });

  it('gives exactly what markdown-it gives on plain-ish paragraphs and lists', () => {
    const random = seededRandom('fast-html-plain');
    const sources = Array.from({ length: 10_000 }, () => randomPlainish(random));
    const fast = expectSameAsMarkdownIt(sources);
    expect(fast).toBeGreaterThan(2_500);
  });

  it('takes the fast path for most generated drills, with markdown-it output', () => {
    const bank = generateBank({ count: 3_000, seed: 'fast-html' });
    const texts = bank.questions.flatMap((q) => [q.prompt, q.explanation ?? '']);
    const fast = expectSameAsMarkdownIt(texts);
    expect(fast / texts.length).toBeGreaterThan(0.9);
  });

  it('gives markdown-it output on every text of the bundled and fixture banks', () => {
    const files = ['../../banks/rnn-quiz.md', 'fixtures/cnn-quiz.md', 'fixtures/week3-quiz.md'];
    for (const file of files) {
      const url = new URL(file.startsWith('../') ? `../${file}` : file, import.meta.url);
      const result = parseBank(readFileSync(url, 'utf8'), { format: 'md', file });
      expect(result.bank, file).toBeDefined();
      const bank = result.bank;
      if (!bank) continue;
      const texts = [
        ...bank.questions.flatMap((q) => [
          q.prompt,
          q.explanation ?? '',
          ...q.notes.map((n) => n.text),
        ]),
        ...bank.contexts.flatMap((c) => [c.body, c.notes ?? '']),
      ];
      expectSameAsMarkdownIt(texts);
    }
  });

  it('leaves constructs outside the subset to markdown-it', () => {
    for (const source of [
      '[link](https://example.com)',
      '# Heading',
      '1. first',
      '- a\n\n- b',
      'a  \nb',
      'x &amp; y',
      '<b>x</b>',
      '\\*not emphasis\\*',
      'a * b * c',
      '~~gone~~',
      '| a | b |\n| - | - |',
      '$$\nx\n$$',
    ]) {
      expect(fastMarkdownToHtml(source), source).toBeUndefined();
      expect(renderMarkdown(source, 'html')).toBe(markdownItToHtml(source));
    }
  });
});

describe('fast path for one line of Markdown (options, titles) to HTML', () => {
  it("gives exactly what markdown-it's renderInline gives on random fragment soup", () => {
    const random = seededRandom('fast-inline-soup');
    const sources = Array.from({ length: 20_000 }, () => randomMarkdown(random));
    expect(expectSameAsRenderInline(sources)).toBeGreaterThan(500);
  });

  it("gives exactly what markdown-it's renderInline gives on plain-ish lines", () => {
    const random = seededRandom('fast-inline-plain');
    const sources = Array.from({ length: 10_000 }, () =>
      randomPlainish(random).replaceAll('\n', ' '),
    );
    expect(expectSameAsRenderInline(sources)).toBeGreaterThan(2_500);
  });

  it('takes the fast path for the options of generated drills', () => {
    const bank = generateBank({ count: 1_000, seed: 'fast-inline' });
    const texts = bank.questions.flatMap((q) => q.options.map((o) => o.text));
    expect(expectSameAsRenderInline(texts) / texts.length).toBeGreaterThan(0.99);
  });

  it('leaves lines it cannot vouch for to markdown-it', () => {
    for (const source of ['a\nb', ' a', 'a\t', '[x](y)', 'a &amp; b', '<i>x</i>', '\\*x']) {
      expect(fastInlineMarkdownToHtml(source), source).toBeUndefined();
    }
  });
});
