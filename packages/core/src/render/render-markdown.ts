import { CONTROL_CLASS } from './control-characters';
import { inlineMarkdownToDiscord, markdownToDiscord } from './discord';
import { escapeHtml } from './escape-html';
import { inlineMarkdownToHtml, markdownToHtml } from './html';
import type { RenderTarget } from './render-target';
import { inlineMarkdownToText, markdownToText } from './text';

/**
 * Renders bank Markdown (with `$…$` TeX) for a target: `discord` (Discord Markdown, TeX as Unicode,
 * mentions neutralised), `html` (sanitised HTML, TeX for MathJax) or `text` (plain text).
 */
export function renderMarkdown(md: string, target: RenderTarget): string {
  switch (target) {
    case 'discord':
      return markdownToDiscord(md);
    case 'html':
      return markdownToHtml(md);
    case 'text':
      return markdownToText(md);
  }
}

/** Like `renderMarkdown` for one-line fields (options, titles): no paragraph markup, one line. */
export function renderInlineMarkdown(md: string, target: RenderTarget): string {
  // Most options are plain words or numbers: nothing for a Markdown parser to do.
  if (isPlain(md)) return target === 'html' ? escapeHtml(md) : md;
  return cached(`${target}\u0000i\u0000${md}`, () => {
    switch (target) {
      case 'discord':
        return inlineMarkdownToDiscord(md);
      case 'html':
        return inlineMarkdownToHtml(md);
      case 'text':
        return inlineMarkdownToText(md);
    }
  });
}

// Markdown, TeX, HTML, entity and mention syntax, and control characters.
const SPECIAL = new RegExp(`[\\n\\r\\\\\`*_[\\]<>&$!~|@#:${CONTROL_CLASS}]`);

/** No Markdown, TeX, HTML, entity, mention, control character or surrounding space. */
function isPlain(md: string): boolean {
  return !SPECIAL.test(md) && md.trim() === md;
}

// Option texts repeat across a bank (drills reuse them): rendering is pure, so results are kept,
// within bounds.
const CACHE_ENTRIES = 2048;
const CACHE_MAX_CHARS = 512;
const cache = new Map<string, string>();

function cached(key: string, render: () => string): string {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const out = render();
  if (key.length <= CACHE_MAX_CHARS) {
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    cache.set(key, out);
  }
  return out;
}
