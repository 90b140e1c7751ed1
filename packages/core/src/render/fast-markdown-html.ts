import { finishHtml, mathHtml } from './html-safety';
import { matchMath } from './math-span';

/**
 * The HTML markdown-it (configured as in html.ts) gives for a small, common subset of Markdown, or
 * `undefined` outside it: paragraphs and tight `- ` lists separated by blank lines, whose text holds
 * only TeX spans, code spans, `**strong**` / `*em*` in their plainest form and intraword `_`.
 * Generated and hand-written banks are mostly this, and markdown-it costs far more on them
 * (docs/anki.md). Anything that could mean more (another block construct at a line start, links,
 * HTML, entities, escapes, odd emphasis, tabs, edge whitespace) returns `undefined`, and the caller
 * asks markdown-it. The equivalence is checked by a property test against markdown-it itself.
 */
export function fastMarkdownToHtml(src: string): string | undefined {
  if (src.includes('\t') || src.includes('\r') || src.includes('\u0001')) return undefined;
  let out = '';
  let block: string[] = [];
  let list = false;
  let lastWasList = false;
  const lines = src.split('\n');
  lines.push('');
  for (const line of lines) {
    if (line === '') {
      if (block.length === 0) continue;
      // A list after a blank line after a list is the same, now loose, list.
      if (list && lastWasList) return undefined;
      const html = renderBlock(block, list);
      if (html === undefined) return undefined;
      out += html;
      lastWasList = list;
      block = [];
      continue;
    }
    const item = line.startsWith('- ');
    if (!startsPlainly(item ? line.slice(2) : line)) return undefined;
    // A list item right after a paragraph line interrupts it, a line after an item continues it.
    if (block.length > 0 && item !== list) return undefined;
    list = item;
    block.push(line);
  }
  return finishHtml(out);
}

/**
 * What markdown-it's `renderInline` gives for one line (an option, a title) in the fast path's
 * inline subset, or `undefined` outside it. Block syntax means nothing inline, so only the inline
 * rules of fastMarkdownToHtml apply.
 */
export function fastInlineMarkdownToHtml(src: string): string | undefined {
  if (/[\n\r\t]/.test(src) || src.includes('\u0001') || src.trim() !== src) return undefined;
  const html = inline(src);
  return html === undefined ? undefined : finishHtml(html);
}

/** A paragraph, or a tight list of one-line items. */
function renderBlock(lines: readonly string[], list: boolean): string | undefined {
  if (!list) {
    const html = inline(lines.join('\n'));
    return html === undefined ? undefined : `<p>${html}</p>\n`;
  }
  let out = '<ul>\n';
  for (const line of lines) {
    const html = inline(line.slice(2));
    if (html === undefined) return undefined;
    out += `<li>${html}</li>\n`;
  }
  return `${out}</ul>\n`;
}

// What a line (or a list item's text) may not start with: whitespace (indented code, lazy lines),
// block markers (#, >, lists, rules, setext underlines, fences, tables, HTML, references), escapes
// (but `\(`) and display math, which can all open a block; `*` only before a word or `*`; and it may not end in whitespace (hard breaks).
const BLOCK_START = /^(?:[\s#>+\-_=`~<|:[]|\*(?![*A-Za-z0-9])|\\(?!\()|\$\$|\d+[.)])/;
const TRAILING_SPACE = /\s$/;

function startsPlainly(text: string): boolean {
  return text !== '' && !BLOCK_START.test(text) && !TRAILING_SPACE.test(text);
}

const MD_SPECIAL = /[&<>"]/;
const MD_ESCAPE = /[&<>"]/g;
const MD_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** markdown-it's own escape for text and code (it leaves `'` alone, unlike escapeHtml). */
function mdEscape(text: string): string {
  return MD_SPECIAL.test(text) ? text.replace(MD_ESCAPE, (ch) => MD_ENTITIES[ch] ?? ch) : text;
}

/** Where inline syntax may start; everything between is text. */
const INLINE_SPECIAL = /[$\\`*_<&[~]/g;

const ALNUM = /^[A-Za-z0-9]$/;
function isAlnum(ch: string): boolean {
  return ALNUM.test(ch);
}
// After a closing `*` run: what markdown-it counts as whitespace or punctuation, and not `*` or `_`.
const AFTER_CLOSER = /^(?:|[ \n.,:;!?)])$/;
// Before an opening `*` run: the start, whitespace or an opening bracket (so it cannot close).
const OPENER_BEFORE = /^(?:|[ \n(])$/;

/** Inline content of one paragraph or item, or undefined when it needs markdown-it. */
function inline(s: string): string | undefined {
  let out = '';
  let text = 0; // start of text not yet written out
  let open = 0; // length of the open emphasis run, 0 when none
  let i = 0;
  for (;;) {
    INLINE_SPECIAL.lastIndex = i;
    const next = INLINE_SPECIAL.exec(s);
    if (!next) break;
    i = next.index;
    const ch = next[0];
    if (ch === '$' || ch === '\\') {
      const math = matchMath(s, i);
      if (math) {
        out += mdEscape(s.slice(text, i));
        out += mathHtml(math.tex, math.display);
        i = text = math.end;
      } else if (ch === '\\') {
        return undefined;
      } else {
        i++;
      }
    } else if (ch === '`') {
      let n = 1;
      while (s.charAt(i + n) === '`') n++;
      const close = closingRun(s, i + n, n);
      if (close < 0) {
        i += n;
        continue;
      }
      let code = s.slice(i + n, close).replace(/\n/g, ' ');
      if (code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code)) code = code.slice(1, -1);
      out += `${mdEscape(s.slice(text, i))}<code>${mdEscape(code)}</code>`;
      i = text = close + n;
    } else if (ch === '*') {
      let n = 1;
      while (s.charAt(i + n) === '*') n++;
      const before = s.charAt(i - 1);
      const after = s.charAt(i + n);
      const tag = n === 2 ? 'strong' : 'em';
      if (n > 2) return undefined;
      if (open === 0 && OPENER_BEFORE.test(before) && isAlnum(after)) {
        open = n;
        out += `${mdEscape(s.slice(text, i))}<${tag}>`;
        i = text = i + n;
      } else if (open === n && isAlnum(before) && AFTER_CLOSER.test(after)) {
        open = 0;
        out += `${mdEscape(s.slice(text, i))}</${tag}>`;
        i = text = i + n;
      } else {
        return undefined;
      }
    } else if (ch === '_') {
      if (!isAlnum(s.charAt(i - 1)) || !isAlnum(s.charAt(i + 1))) return undefined;
      i++;
    } else {
      return undefined; // <, &, [ or ~: HTML, entities, links, strikethrough
    }
  }
  if (open !== 0) return undefined;
  return out + mdEscape(s.slice(text));
}

/** Start of the next run of exactly `n` backticks at or after `from`, or -1. */
function closingRun(s: string, from: number, n: number): number {
  for (let start = s.indexOf('`', from); start >= 0; start = s.indexOf('`', start)) {
    let end = start + 1;
    while (s.charAt(end) === '`') end++;
    if (end - start === n) return start;
    start = end;
  }
  return -1;
}
