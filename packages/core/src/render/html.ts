import MarkdownIt from 'markdown-it';
import { CONTROL_CHARACTERS } from './control-characters';
import { escapeHtml } from './escape-html';
import { fastInlineMarkdownToHtml, fastMarkdownToHtml } from './fast-markdown-html';
import { mathPlugin } from './markdown-it-math';

/**
 * Markdown → HTML for Anki cards. Raw HTML in a bank is shown as text (`html: false`), link and image
 * URLs go through markdown-it's validator (no `javascript:`, `vbscript:`, `file:`, non-image `data:`),
 * and TeX is written as `\( \)` / `\[ \]` with `<`, `>`, `&` escaped, which Anki's MathJax typesets.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false }).use(
  mathPlugin,
);
md.renderer.rules.math_inline = (tokens, i) => `\\(${escapeHtml(tokens[i]?.content ?? '')}\\)`;
md.renderer.rules.math_display = (tokens, i) => `\\[${escapeHtml(tokens[i]?.content ?? '')}\\]`;
md.renderer.rules.math_block = (tokens, i) =>
  `<p class="math">\\[${escapeHtml(tokens[i]?.content ?? '')}\\]</p>\n`;

// Links open outside the card and tell the target nothing about where they came from.
const defaultLinkOpen = md.renderer.rules.link_open;
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i]?.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen
    ? defaultLinkOpen(tokens, i, options, env, self)
    : self.renderToken(tokens, i, options);
};

export function markdownToHtml(source: string): string {
  const clean = source.replace(CONTROL_CHARACTERS, '');
  return fastMarkdownToHtml(clean) ?? md.render(clean);
}

/**
 * markdownToHtml through markdown-it always: the reference the fast path for plain Markdown is
 * tested against.
 */
export function markdownItToHtml(source: string): string {
  return md.render(source.replace(CONTROL_CHARACTERS, ''));
}

/** One line of Markdown (an option, a title) without the surrounding `<p>`. */
export function inlineMarkdownToHtml(source: string): string {
  const clean = source.replace(CONTROL_CHARACTERS, '').trim();
  return fastInlineMarkdownToHtml(clean) ?? md.renderInline(clean);
}

/** inlineMarkdownToHtml through markdown-it always: the reference for the inline fast path. */
export function inlineMarkdownItToHtml(source: string): string {
  return md.renderInline(source.replace(CONTROL_CHARACTERS, '').trim());
}
