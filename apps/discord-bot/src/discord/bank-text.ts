import { renderInlineMarkdown } from '@quizdeck/core';

/**
 * A one-line bank field (a title, a tag) as Discord text, through core's `discord` renderer like
 * question text: mentions neutralised, control characters dropped. Bank text is untrusted, so a
 * field the renderer cannot render is replaced, never posted raw.
 */
export function bankLine(text: string): string {
  try {
    return renderInlineMarkdown(text, 'discord');
  } catch {
    return '(text that cannot be shown)';
  }
}
