import { charReplacer } from './char-replacer';
import { CONTROL_CLASS } from './control-characters';
import { FINISHED_CHARACTERS, finishedMathHtml } from './html-safety';
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
  // Tabs, carriage returns and control characters (U+0001 is html-safety.ts's placeholder) are
  // refused where they occur: a line start or end (startsPlainly), text (INLINE_SPECIAL) or a
  // code or math span (REFUSED_IN_SPAN), which is every character but newlines and item markers.
  let out = '';
  let start = -1; // start of the block being read, -1 between blocks
  let end = 0; // end of its last line
  let list = false;
  let lastWasList = false;
  // Line by line, and once more past the end: an empty line there ends the last block.
  for (let at = 0; ; ) {
    const past = at > src.length;
    const next = past ? -1 : src.indexOf('\n', at);
    const lineEnd = past ? at : next < 0 ? src.length : next;
    if (lineEnd === at) {
      if (start >= 0) {
        // A list after a blank line after a list is the same, now loose, list.
        if (list && lastWasList) return undefined;
        const html = renderBlock(src, start, end, list);
        if (html === undefined) return undefined;
        out += html;
        lastWasList = list;
        start = -1;
      }
      if (past) break;
    } else {
      const item = src.startsWith('- ', at);
      if (!startsPlainly(src, item ? at + 2 : at, lineEnd)) return undefined;
      // A list item right after a paragraph line interrupts it, a line after an item continues it.
      if (start >= 0 && item !== list) return undefined;
      if (start < 0) start = at;
      list = item;
      end = lineEnd;
    }
    at = lineEnd + 1;
  }
  return out;
}

/**
 * What markdown-it's `renderInline` gives for one line (an option, a title) in the fast path's
 * inline subset, or `undefined` outside it. Block syntax means nothing inline, so only the inline
 * rules of fastMarkdownToHtml apply.
 */
export function fastInlineMarkdownToHtml(src: string): string | undefined {
  if (/[\n\r\t]/.test(src) || src.includes('\u0001') || src.trim() !== src) return undefined;
  return inline(src);
}

/** A paragraph, or a tight list of one-line items: the lines of `src` from `start` to `end`. */
function renderBlock(src: string, start: number, end: number, list: boolean): string | undefined {
  if (!list) {
    const html = inline(src.slice(start, end));
    return html === undefined ? undefined : `<p>${html}</p>\n`;
  }
  let out = '<ul>\n';
  for (let at = start; at < end; ) {
    const next = src.indexOf('\n', at);
    const lineEnd = next < 0 || next > end ? end : next;
    const html = inline(src.slice(at + 2, lineEnd));
    if (html === undefined) return undefined;
    out += `<li>${html}</li>\n`;
    at = lineEnd + 1;
  }
  return `${out}</ul>\n`;
}

// What a line (or a list item's text) may not start with: whitespace (indented code, lazy lines),
// block markers (#, >, lists, rules, setext underlines, fences, tables, HTML, references), escapes
// (but `\(`) and display math, which can all open a block; `*` only before a word or `*`; and it may not end in whitespace (hard breaks).
const BLOCK_START = /[\s#>+\-_=`~<|:[]|\*(?![*A-Za-z0-9])|\\(?!\()|\$\$|\d+[.)]/y;
const SPACE = /\s/y;

/** Whether the text from `from` to `end` (not empty, one line) may be a plain paragraph line. */
function startsPlainly(src: string, from: number, end: number): boolean {
  if (from >= end) return false;
  BLOCK_START.lastIndex = from;
  if (BLOCK_START.test(src)) return false;
  SPACE.lastIndex = end - 1;
  return !SPACE.test(src);
}

/**
 * markdown-it's own escape for text and code (it leaves `'` alone, unlike escapeHtml), then
 * finishHtml's: the fast path writes its HTML finished.
 */
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  ...FINISHED_CHARACTERS,
};
const escapeText = charReplacer(TEXT_ESCAPES);

/**
 * Where inline syntax may start, a character of TEXT_ESCAPES is, or a character the fast path
 * refuses; everything between is text written as it is. Code and math spans are skipped.
 */
const INLINE_SPECIAL = new RegExp(`[$\\\\\`*_<&[~>"{}\\t${CONTROL_CLASS}]`, 'g');
const REFUSED_IN_SPAN = new RegExp(`[\\t${CONTROL_CLASS}]`);

const STAR = 42;
const BACKTICK = 96;

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
// After a closing `*` run: what markdown-it counts as whitespace or punctuation, and not `*` or `_`
// (NaN: the end of the text).
function closesBefore(code: number): boolean {
  switch (code) {
    case 32: // space
    case 10: // \n
    case 46: // .
    case 44: // ,
    case 58: // :
    case 59: // ;
    case 33: // !
    case 63: // ?
    case 41: // )
      return true;
    default:
      return Number.isNaN(code);
  }
}
// Before an opening `*` run: the start, whitespace or an opening bracket (so it cannot close).
function opensAfter(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === 10 || code === 40;
}

/** Inline content of one paragraph or item as finished HTML, or undefined when it needs markdown-it. */
function inline(s: string): string | undefined {
  let out = '';
  let text = 0; // start of text not yet written out
  let open = 0; // length of the open emphasis run, 0 when none
  let i = 0;
  for (;;) {
    INLINE_SPECIAL.lastIndex = i;
    if (!INLINE_SPECIAL.test(s)) break;
    i = INLINE_SPECIAL.lastIndex - 1;
    const ch = s.charCodeAt(i);
    if (ch === 36 /* $ */ || ch === 92 /* \ */) {
      const math = matchMath(s, i);
      if (math) {
        if (REFUSED_IN_SPAN.test(math.tex)) return undefined;
        out += s.slice(text, i);
        out += finishedMathHtml(math.tex, math.display);
        i = text = math.end;
      } else if (ch === 92) {
        return undefined;
      } else {
        i++;
      }
    } else if (ch === BACKTICK) {
      let n = 1;
      while (s.charCodeAt(i + n) === BACKTICK) n++;
      const close = closingRun(s, i + n, n);
      if (close < 0) {
        i += n;
        continue;
      }
      let code = s.slice(i + n, close);
      if (REFUSED_IN_SPAN.test(code)) return undefined;
      if (code.includes('\n')) code = code.replace(/\n/g, ' ');
      if (code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code)) code = code.slice(1, -1);
      out += `${s.slice(text, i)}<code>${escapeText(code)}</code>`;
      i = text = close + n;
    } else if (ch === STAR) {
      let n = 1;
      while (s.charCodeAt(i + n) === STAR) n++;
      if (n > 2) return undefined;
      const before = s.charCodeAt(i - 1);
      const after = s.charCodeAt(i + n);
      const tag = n === 2 ? 'strong' : 'em';
      if (open === 0 && opensAfter(before) && isAlnum(after)) {
        open = n;
        out += `${s.slice(text, i)}<${tag}>`;
        i = text = i + n;
      } else if (open === n && isAlnum(before) && closesBefore(after)) {
        open = 0;
        out += `${s.slice(text, i)}</${tag}>`;
        i = text = i + n;
      } else {
        return undefined;
      }
    } else if (ch === 95 /* _ */) {
      if (!isAlnum(s.charCodeAt(i - 1)) || !isAlnum(s.charCodeAt(i + 1))) return undefined;
      i++;
    } else if (ch === 62 /* > */ || ch === 34 /* " */ || ch === 123 /* { */ || ch === 125 /* } */) {
      out += s.slice(text, i) + (TEXT_ESCAPES[s.charAt(i)] as string);
      i = text = i + 1;
    } else {
      // <, &, [ or ~: HTML, entities, links, strikethrough; a tab or a control character
      return undefined;
    }
  }
  if (open !== 0) return undefined;
  return out + s.slice(text);
}

/** Start of the next run of exactly `n` backticks at or after `from`, or -1. */
function closingRun(s: string, from: number, n: number): number {
  for (let start = s.indexOf('`', from); start >= 0; start = s.indexOf('`', start)) {
    let end = start + 1;
    while (s.charCodeAt(end) === BACKTICK) end++;
    if (end - start === n) return start;
    start = end;
  }
  return -1;
}
