import { charReplacer } from './char-replacer';

/**
 * Escapes text for HTML element content and quoted attribute values. Braces are written as
 * references too, so no `{{` reaches an Anki field (Anki 2.1.0–2.1.19 read it as template syntax).
 */
export const escapeHtml: (text: string) => string = charReplacer({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '{': '&#123;',
  '}': '&#125;',
});
