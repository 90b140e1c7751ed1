import MarkdownIt from 'markdown-it';
import { CONTROL_CHARACTERS, HAS_CONTROL } from './control-characters';
import { escapeHtml } from './escape-html';
import { fastInlineMarkdownToHtml, fastMarkdownToHtml } from './fast-markdown-html';
import { finishHtml, mathHtml } from './html-safety';
import { mathPlugin } from './markdown-it-math';

/**
 * Markdown → HTML for Anki cards. Raw HTML in a bank is shown as text (`html: false`), link and image
 * URLs go through markdown-it's validator (no `javascript:`, `vbscript:`, `file:`, non-image `data:`),
 * remote images become links (a card never fetches anything), and TeX is written as `\( \)` /
 * `\[ \]` for Anki's MathJax when it keeps to the allow-list (html-safety.ts).
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false }).use(
  mathPlugin,
);
md.renderer.rules.math_inline = (tokens, i) => mathHtml(tokens[i]?.content ?? '', false);
md.renderer.rules.math_display = (tokens, i) => mathHtml(tokens[i]?.content ?? '', true);
md.renderer.rules.math_block = (tokens, i) =>
  `<p class="math">${mathHtml(tokens[i]?.content ?? '', true)}</p>\n`;

// Links open outside the card and tell the target nothing about where they came from.
const defaultLinkOpen = md.renderer.rules.link_open;
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i]?.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen
    ? defaultLinkOpen(tokens, i, options, env, self)
    : self.renderToken(tokens, i, options);
};

// An image from another host would be fetched each time the card is shown (and tell that host
// who studies when): it becomes a link, its address shown. Local and `data:` images stay images.
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const defaultImage = md.renderer.rules.image;
md.renderer.rules.image = (tokens, i, options, env, self) => {
  const token = tokens[i];
  const src = String(token?.attrGet('src') ?? '');
  if (token && REMOTE.test(src) && !/^data:/i.test(src)) {
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const label = alt ? `image: ${alt}` : 'image';
    return `<a class="remote-image" href="${escapeHtml(src)}" rel="noopener noreferrer">[${escapeHtml(label)}] ${escapeHtml(src)}</a>`;
  }
  return defaultImage ? defaultImage(tokens, i, options, env, self) : '';
};

const clean = (source: string) =>
  HAS_CONTROL.test(source) ? source.replace(CONTROL_CHARACTERS, '') : source;

export function markdownToHtml(source: string): string {
  // The fast path refuses any character clean() removes: on what it answers, clean() is a no-op.
  return fastMarkdownToHtml(source) ?? finishHtml(md.render(clean(source)));
}

/**
 * markdownToHtml through markdown-it always: the reference the fast path for plain Markdown is
 * tested against.
 */
export function markdownItToHtml(source: string): string {
  return finishHtml(md.render(clean(source)));
}

/** One line of Markdown (an option, a title) without the surrounding `<p>`. */
export function inlineMarkdownToHtml(source: string): string {
  const text = clean(source).trim();
  return fastInlineMarkdownToHtml(text) ?? finishHtml(md.renderInline(text));
}

/** inlineMarkdownToHtml through markdown-it always: the reference for the inline fast path. */
export function inlineMarkdownItToHtml(source: string): string {
  return finishHtml(md.renderInline(clean(source).trim()));
}
