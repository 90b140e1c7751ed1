import { inlineMarkdownToDiscord, markdownToDiscord } from './discord';
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
  switch (target) {
    case 'discord':
      return inlineMarkdownToDiscord(md);
    case 'html':
      return inlineMarkdownToHtml(md);
    case 'text':
      return inlineMarkdownToText(md);
  }
}
