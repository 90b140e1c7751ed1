import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  MAX_TEX_DEPTH,
  parseBank,
  RenderError,
  renderDiagnostics,
  renderInlineMarkdown,
  renderMarkdown,
  renderQuestion,
  seededRandom,
  texProblem,
  texToUnicode,
  unrenderableReason,
} from '../src/index';

/** Text nodes as MathJax 3 collects them: a tag ends one string (`<br>` is a newline), entities decoded. */
function domStrings(html: string): string[] {
  const decode = (s: string) =>
    s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot);/gi, (_m, e: string) => {
      if (e[0] === '#') {
        const hex = e[1] === 'x' || e[1] === 'X';
        return String.fromCodePoint(Number.parseInt(e.slice(hex ? 2 : 1), hex ? 16 : 10));
      }
      return { amp: '&', lt: '<', gt: '>', quot: '"' }[e.toLowerCase()] ?? '';
    });
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .split(/<[^>]*>/)
    .map(decode);
}

/** Every math span MathJax would typeset, as Anki configures it (`\( \)`, `\[ \]`, no `$`). */
function mathJaxFinds(html: string): string[] {
  const found: string[] = [];
  for (const s of domStrings(html)) {
    for (const m of s.matchAll(/\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]/g))
      found.push(m[1] ?? m[2] ?? '');
  }
  return found;
}

const FORBIDDEN = [
  '\\href{javascript:window.__pwned=1}{tap}',
  '\\style{position:fixed;inset:0}{x}',
  '\\cssId{qd-back}{x}',
  '\\class{qd-card}{x}',
  '\\unicode{x1F600}',
  '\\require{action}',
  '\\data{x=1}{y}',
  '\\html{onclick=1}{x}',
  '\\mmlToken{mi}[mathvariant=bold]{x}',
  '\\def\\x{\\href{a}{b}}\\x',
  '\\newcommand{\\x}{y}\\x',
  '\\let\\a\\href',
  '\\begin{iframe}x\\end{iframe}',
  '\\toggle{a}{b}\\endtoggle',
  '\\bbox[background:url(https://evil.example)]{x}',
  'a \\) \\( \\href{x}{y}',
];

describe('TeX policy', () => {
  it('allows the TeX of quiz banks', () => {
    for (const tex of [
      '227 \\times 227',
      'h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h)',
      '\\frac{a+b}{2} \\leq \\sqrt[3]{x}',
      '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
      '\\left( \\sum_{i=1}^{n} x_i \\right) \\cdot \\mathbb{R}^{n}',
      '\\text{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}',
      '100\\% \\, \\{1, 2\\}',
    ]) {
      expect(texProblem(tex), tex).toBeUndefined();
    }
  });

  it('reads a command name as up to 64 ASCII letters, else the one character after the backslash', () => {
    expect(texProblem(`\\${'a'.repeat(70)}`)?.message).toContain(`\\${'a'.repeat(64)} is not`);
    expect(texProblem('\\alphaé')).toBeUndefined();
    expect(texProblem('\\é')?.message).toContain('\\U+00E9');
    expect(texProblem('x\\')).toBeUndefined();
  });

  it.each(FORBIDDEN)('refuses %s, and html shows it as code MathJax never reads', (tex) => {
    expect(texProblem(tex)?.message).toMatch(/not allowed|allow-list/);
    for (const md of [`$${tex}$`, `$$${tex}$$`, `\\(${tex}\\)`, `\\[${tex}\\]`, `x $${tex}$ y`]) {
      const html = renderMarkdown(md, 'html');
      expect(html).toContain('<code class="tex-refused">');
      for (const found of [
        ...mathJaxFinds(html),
        ...mathJaxFinds(renderInlineMarkdown(md, 'html')),
      ])
        expect(texProblem(found), html).toBeUndefined();
    }
  });

  it('names the command and why in the message', () => {
    expect(texProblem('\\href{a}{b}')?.message).toBe(
      'TeX command \\href is not allowed: it makes a link, which can run code when tapped',
    );
    expect(texProblem('\\foo')?.message).toContain('\\foo is not in');
    expect(texProblem('\\begin{script}x\\end{script}')?.code).toBe('tex/environment');
  });
});

describe('MathJax reads only the math quizdeck writes', () => {
  it.each([
    ['\\\\(\\href{javascript:x}{y}\\\\)', 'an escaped backslash before ('],
    ['&#92;(\\href{javascript:x}{y}&#92;)', 'a numeric reference for the backslash'],
    ['&bsol;(\\href{javascript:x}{y}&bsol;)', 'a named reference'],
    ['&#x5c;[\\style{x}{y}&#x5C;]', 'a hex reference, display math'],
    ['`\\(\\href{javascript:x}{y}\\)`', 'inside a code span'],
    ['[\\(\\href{j}{y}\\)](https://x.example)', 'inside link text'],
    ['*\\\\(*\\href{j}{y}\\\\)', 'split by emphasis'],
    ['\\begin{x}\\href{j}{y}\\end{x}', 'an environment outside $'],
  ])('%s (%s)', (md) => {
    for (const html of [renderMarkdown(md, 'html'), renderInlineMarkdown(md, 'html')]) {
      for (const tex of mathJaxFinds(html)) expect(texProblem(tex), html).toBeUndefined();
      for (const s of domStrings(html)) expect(s).not.toMatch(/\\(?!\u2060)/);
    }
  });

  it('writes the TeX it allows for MathJax, braces as references', () => {
    expect(renderMarkdown('$W_{hh}$ and \\\\ text', 'html')).toBe(
      '<p>\\(W_&#123;hh&#125;\\) and \\&#8288; text</p>\n',
    );
    expect(mathJaxFinds(renderMarkdown('$\\frac{a}{b}$', 'html'))).toEqual(['\\frac{a}{b}']);
  });

  it('never writes a brace into HTML, so no Anki version reads {{…}} as template syntax', () => {
    const random = seededRandom('braces');
    const pieces = ['{{', '}}', '{', '}', '$', '`', 'x', ' ', '{{Front}}', '\\', '[a](b{{c}})'];
    for (let n = 0; n < 500; n++) {
      const md = Array.from(
        { length: 12 },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      for (const html of [renderMarkdown(md, 'html'), renderInlineMarkdown(md, 'html')]) {
        expect(html, md).not.toMatch(/[{}]/);
      }
    }
    expect(escapeHtml('{{Front}}')).toBe('&#123;&#123;Front&#125;&#125;');
  });

  it('turns remote images into links with their address shown, keeps local ones', () => {
    const html = renderMarkdown(
      '![a cat](https://evil.example/cat.png) ![](//x.example/y.png)',
      'html',
    );
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<a class="remote-image" href="https://evil.example/cat.png" rel="noopener noreferrer">[image: a cat] https://evil.example/cat.png</a>',
    );
    expect(html).toContain('[image] //x.example/y.png</a>');
    expect(renderMarkdown('![dot](dot.png)', 'html')).toContain('<img src="dot.png" alt="dot">');
  });
});

describe('TeX too deep to render', () => {
  const deep = (n: number) => `${'\\frac{'.repeat(n)}x${'}{y}'.repeat(n)}`;
  const unbraced = (n: number) => `${'\\sqrt'.repeat(n)} x`;

  it('is a RenderError from every renderer, never a stack overflow', () => {
    for (const tex of [
      deep(5000),
      unbraced(5000),
      `${'{'.repeat(20_000)}x`,
      `${'x^{'.repeat(5000)}y${'}'.repeat(5000)}`,
    ]) {
      for (const target of ['html', 'text', 'discord'] as const) {
        expect(() => renderMarkdown(`$${tex}$`, target), target).toThrow(RenderError);
      }
      expect(() => texToUnicode(tex)).toThrow(/nested more than 32 levels/);
    }
  });

  it('renders at the limit', () => {
    expect(texProblem(deep(MAX_TEX_DEPTH / 2))).toBeUndefined();
    expect(renderMarkdown(`$${deep(10)}$`, 'text')).toContain('x');
  });

  it('is an error at the question in check, and the reason the bot skips it', () => {
    const md = [
      '1. Deep $' + deep(3000) + '$?',
      '',
      '- A RIGHT. yes',
      '- B. no',
      '',
      '2. Link $\\href{javascript:x}{tap}$?',
      '',
      '- A RIGHT. $\\cssId{qd-back}{x}$',
      '- B. fine $x^2$',
    ].join('\n');
    const result = parseBank(md, { file: 'deep.md', format: 'md' });
    const bank = result.bank;
    if (!bank) throw new Error(JSON.stringify(result.diagnostics));
    const lines = renderDiagnostics(bank, result.locations, 'deep.md').map(
      (d) => `${d.line}: ${d.code}: ${d.message}`,
    );
    expect(lines).toEqual([
      '1: RENDER_TEX_DEPTH: question 1 prompt: TeX nested more than 32 levels deep',
      '6: tex/command: question 2 prompt: TeX command \\href is not allowed: it makes a link, which can run code when tapped',
      '6: tex/command: question 2 option A: TeX command \\cssId is not allowed: it sets an element id, which can forge the card’s own',
    ]);
    const [deepQ, linkQ] = bank.questions;
    if (!deepQ || !linkQ) throw new Error('two questions');
    expect(unrenderableReason(bank, deepQ, 'discord')).toBe(
      'prompt: TeX nested more than 32 levels deep',
    );
    expect(unrenderableReason(bank, linkQ, 'discord')).toBeUndefined();
    expect(() => renderQuestion(bank, deepQ, 'text')).toThrow(
      'question q1: TeX nested more than 32 levels deep',
    );
  });
});

describe('terminal control characters', () => {
  it('strips CSI and OSC sequences whole, C1 controls, DEL and bidi overrides', () => {
    const hostile =
      'a\u001b[2J\u001b[1;31mb\u001b]0;title\u0007c\u001b]8;;https://x\u001b\\d\u009b31me\u007ff' +
      '\u202eg\u2066h\u2069i\u0085j';
    for (const target of ['text', 'discord', 'html'] as const) {
      const out = renderInlineMarkdown(hostile, target);
      expect(out).toBe('abcdefghij');
      expect(renderMarkdown(hostile, target)).toContain('abcdefghij');
    }
  });
});
