import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  neutraliseMentions,
  renderInlineMarkdown,
  renderMarkdown,
  seededRandom,
} from '../src/index';

const ZWSP = '\u200b';
const ATTACKS = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '[click me](javascript:alert(1))',
  '[click me](JaVaScRiPt:alert(1))',
  '[click me](  javascript:alert(1))',
  '[x](vbscript:msgbox)',
  '![x](data:text/html;base64,PHNjcmlwdD4=)',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<<script>script>alert(1)<</script>/script>',
  '`<b>code</b>` and ```\n<script>x</script>\n```',
  '$</script><script>alert(1)</script>$',
  '$$\n<img src=x onerror=alert(1)>\n$$',
  '\\(<svg onload=alert(1)>\\)',
  '"><img src=x onerror=alert(1)>',
  '[a](https://ok.example "title\\" onmouseover=\\"alert(1)")',
];

/** Tags and attributes markdown-it may emit from Markdown; anything else is an injection. */
const ALLOWED_TAG =
  /^<\/?(p|strong|em|code|pre|ul|ol|li|blockquote|h[1-6]|hr|br|a|img|s|table|thead|tbody|tr|th|td)(\s[^<>]*)?\/?>/;
const ALLOWED_ATTR = /^(href|src|alt|title|rel|class|start|style)$/;

function assertSafeHtml(html: string): void {
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const tag = ALLOWED_TAG.exec(html.slice(i));
    expect(tag, `unexpected markup at ${html.slice(i, i + 40)}`).not.toBeNull();
    const attrs = tag?.[2] ?? '';
    for (const m of attrs.matchAll(/([a-z-]+)="([^"]*)"/g)) {
      expect(m[1]).toMatch(ALLOWED_ATTR);
      if (m[1] === 'style') expect(m[2]).toMatch(/^text-align:(left|right|center)$/);
      if (m[1] === 'href' || m[1] === 'src')
        expect(m[2]).toMatch(/^(https?:|mailto:|#|\/|[\w.-]+(\/|$))/);
    }
    // No attribute outside quotes (e.g. an onerror that escaped its value).
    expect(attrs.replace(/"[^"]*"/g, '')).not.toMatch(/\bon\w+=/i);
  }
}

describe('renderMarkdown html', () => {
  it('(the safety check itself rejects injected markup)', () => {
    expect(() => assertSafeHtml('<p><img src=x onerror=alert(1)></p>')).toThrow();
    expect(() => assertSafeHtml('<a href="javascript:alert(1)">x</a>')).toThrow();
    expect(() => assertSafeHtml('<p onclick="x">x</p>')).toThrow();
    expect(() => assertSafeHtml('<p>ok &lt;img&gt;</p>')).not.toThrow();
  });

  it('turns Markdown into HTML and TeX into MathJax delimiters', () => {
    expect(renderMarkdown('each of size  $227 \\times 227$', 'html')).toBe(
      '<p>each of size  \\(227 \\times 227\\)</p>\n',
    );
    expect(renderMarkdown('the **magnitude of** weights', 'html')).toBe(
      '<p>the <strong>magnitude of</strong> weights</p>\n',
    );
    expect(renderMarkdown('$$\n4 \\times 100 = 400\n$$', 'html')).toBe(
      '<p class="math">\\[\n4 \\times 100 = 400\n\\]</p>\n',
    );
    expect(renderMarkdown('inline $$x^2$$ display', 'html')).toBe(
      '<p>inline \\[x^2\\] display</p>\n',
    );
  });

  it('escapes <, > and & inside TeX so MathJax sees the original', () => {
    expect(renderMarkdown('$a < b \\& c > d$', 'html')).toBe(
      '<p>\\(a &lt; b \\&amp; c &gt; d\\)</p>\n',
    );
  });

  it('keeps emphasis markers inside TeX as TeX', () => {
    expect(renderMarkdown('$a_1 * b_2 * c$ and $x_{i}$', 'html')).toBe(
      '<p>\\(a_1 * b_2 * c\\) and \\(x_&#123;i&#125;\\)</p>\n',
    );
  });

  it('does not take prices or escaped dollars for TeX', () => {
    expect(renderMarkdown('costs $5 and $10', 'html')).toBe('<p>costs $5 and $10</p>\n');
    expect(renderMarkdown('\\$x\\$', 'html')).toBe('<p>$x$</p>\n');
    expect(renderMarkdown('`$x$`', 'html')).toBe('<p><code>$x$</code></p>\n');
  });

  it.each(ATTACKS)('renders %j harmless', (attack) => {
    const html = renderMarkdown(`Question ${attack} end`, 'html');
    assertSafeHtml(html);
    assertSafeHtml(renderInlineMarkdown(attack, 'html'));
    expect(html).not.toMatch(/<(script|img|iframe|svg|div)\b/i);
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
  });

  it('shows raw HTML as the text it is', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)>', 'html')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
  });

  it('keeps ordinary links, marked noopener', () => {
    expect(renderInlineMarkdown('[docs](https://example.org)', 'html')).toBe(
      '<a href="https://example.org" rel="noopener noreferrer">docs</a>',
    );
  });

  it('renders one-line fields without a paragraph', () => {
    expect(renderInlineMarkdown('**B.** $100 \\times 50$', 'html')).toBe(
      '<strong>B.</strong> \\(100 \\times 50\\)',
    );
  });
});

describe('renderMarkdown discord', () => {
  it('turns TeX into Unicode and keeps Markdown', () => {
    expect(renderMarkdown('There are 30 inputs each of size  $227 \\times 227$', 'discord')).toBe(
      'There are 30 inputs each of size  227 × 227',
    );
    expect(renderMarkdown('What is the size of the matrix $W_{hh}$ ?', 'discord')).toBe(
      'What is the size of the matrix W_hh ?',
    );
    expect(renderMarkdown('the **magnitude of** weights\n\n- a\n- *b*', 'discord')).toBe(
      'the **magnitude of** weights\n\n- a\n- *b*',
    );
  });

  it('keeps backslash escapes as written', () => {
    expect(renderMarkdown('\\$5 and \\`not code\\` \\*x\\* \\(a\\)', 'discord')).toBe(
      '\\$5 and \\`not code\\` \\*x\\* a',
    );
  });

  it('leaves code alone and drops trailing-space line breaks', () => {
    expect(renderMarkdown('`$x$` and\n```\n$y$\n```', 'discord')).toBe('`$x$` and\n```\n$y$\n```');
    expect(renderMarkdown('line one  \nline two', 'discord')).toBe('line one\nline two');
  });

  it.each([
    ['@everyone look', `@${ZWSP}everyone look`],
    ['@here look', `@${ZWSP}here look`],
    ['@EVERYONE', `@${ZWSP}EVERYONE`],
    ['hi <@123456789012345678>', `hi <${ZWSP}@123456789012345678>`],
    ['hi <@!123456789012345678>', `hi <${ZWSP}@!123456789012345678>`],
    ['role <@&42>', `role <${ZWSP}@&42>`],
    ['channel <#42>', `channel <${ZWSP}#42>`],
    ['`@everyone` in code', `\`@${ZWSP}everyone\` in code`],
    ['$@everyone$', `@${ZWSP}everyone`],
    ['@@everyone', `@@${ZWSP}everyone`],
  ])('neutralises %j', (text, expected) => {
    expect(renderMarkdown(text, 'discord')).toBe(expected);
    expect(renderMarkdown(text, 'discord')).not.toMatch(/@(everyone|here)|<@|<#/i);
  });

  it('neutraliseMentions leaves ordinary text and e-mail addresses as they are', () => {
    expect(neutraliseMentions('mail me@example.org, 2 < 3, <a>')).toBe(
      'mail me@example.org, 2 < 3, <a>',
    );
  });

  it('strips terminal control characters', () => {
    expect(renderMarkdown('bell\u0007 \u001b[31mred', 'discord')).toBe('bell red');
  });

  it('makes one-line fields one line', () => {
    expect(renderInlineMarkdown('**B RIGHT.**\n$100 \\times 1$', 'discord')).toBe(
      '**B RIGHT.** 100 × 1',
    );
  });
});

describe('renderMarkdown text', () => {
  it('drops markup and keeps structure', () => {
    expect(
      renderMarkdown(
        '# Title\n\nThe **magnitude** of [docs](https://x.org)\n\n1. one\n2. $x^2$\n\n> quoted\n\nafter',
        'text',
      ),
    ).toBe('Title\n\nThe magnitude of docs (https://x.org)\n\n1. one\n2. x²\n\n> quoted\n\nafter');
  });

  it('keeps raw HTML as text and strips control characters', () => {
    expect(renderMarkdown('<b>x</b>\u001b[2J', 'text')).toBe('<b>x</b>');
  });

  it('renders display math on its own', () => {
    expect(renderMarkdown('$$\n4 \\times 100 = 400\n$$', 'text')).toBe('4 × 100 = 400');
  });
});

describe('renderInlineMarkdown on one-line fields', () => {
  it.each([
    ['Many to One', 'Many to One', 'Many to One', 'Many to One'],
    ["It's 5 < 6 & 7", "It's 5 &lt; 6 &amp; 7", "It's 5 < 6 & 7", "It's 5 < 6 & 7"],
    ['&copy; &amp;', '© &amp;', '© &', '© &'],
    ['@everyone wins', '@everyone wins', `@${ZWSP}everyone wins`, '@everyone wins'],
    ['ask <@123>', 'ask &lt;@123&gt;', `ask <${ZWSP}@123>`, 'ask <@123>'],
    ['bell\u0007', 'bell', 'bell', 'bell'],
    ['  padded  ', 'padded', 'padded', 'padded'],
    ['**bold** $x^2$', '<strong>bold</strong> \\(x^2\\)', '**bold** x²', 'bold x²'],
  ])('%j', (md, html, discord, text) => {
    expect(renderInlineMarkdown(md, 'html')).toBe(html);
    expect(renderInlineMarkdown(md, 'discord')).toBe(discord);
    expect(renderInlineMarkdown(md, 'text')).toBe(text);
    // Results are kept between calls: the second call gives the same text.
    expect(renderInlineMarkdown(md, 'html')).toBe(html);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('renderMarkdown on random hostile text', () => {
  const PIECES = [
    '$',
    '$$',
    '\\(',
    '\\)',
    '\\[',
    '\\]',
    '\\',
    '`',
    '```\n',
    '*',
    '_',
    '[',
    ']',
    '(',
    ')',
    '!',
    '<',
    '>',
    '&',
    '&#64;',
    '&lt;',
    '"',
    "'",
    '\n',
    '\n\n',
    '  ',
    '- ',
    '1. ',
    '> ',
    '# ',
    '|',
    '@everyone',
    '@here',
    '<@',
    '<@&',
    '<#',
    '123',
    'javascript:',
    'https://x.org',
    '<script>',
    '</script>',
    '<img src=x onerror=alert(1)>',
    ' onerror=',
    '\\times',
    '\\frac{',
    '}',
    '{',
    '^',
    '_{',
    'W',
    'x',
    ' ',
    '\u0007',
    '\u001b[31m',
    '\u200b',
    'é',
  ];
  const random = seededRandom('render-fuzz');
  const samples = Array.from({ length: 1500 }, () =>
    Array.from(
      { length: 1 + Math.floor(random() * 30) },
      () => PIECES[Math.floor(random() * PIECES.length)],
    ).join(''),
  );

  it('never throws, never pings, never injects HTML', () => {
    for (const md of samples) {
      assertSafeHtml(renderMarkdown(md, 'html'));
      assertSafeHtml(renderInlineMarkdown(md, 'html'));
      for (const out of [renderMarkdown(md, 'discord'), renderInlineMarkdown(md, 'discord')]) {
        expect(out).not.toMatch(/@(everyone|here)|<(@[!&]?|#)\d/i);
      }
      for (const out of [renderMarkdown(md, 'text'), renderInlineMarkdown(md, 'text')]) {
        expect([...out].some((c) => c < ' ' && c !== '\n' && c !== '\t')).toBe(false);
      }
    }
  });

  it('stays linear on text full of unmatched dollars', () => {
    const prices = 'costs $5, '.repeat(20_000);
    expect(renderMarkdown(prices, 'html')).toContain('costs $5, costs $5');
    expect(renderMarkdown(prices, 'discord')).toContain('costs $5, costs $5');
  });
});
