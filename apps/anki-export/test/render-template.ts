// Test helper: Anki's card template language, enough to show our cards outside Anki.
import { stripHtmlPreservingMedia } from '../src/index';

export type FieldValues = Readonly<Record<string, string>>;

export class TemplateError extends Error {}

// Anki's field_is_empty: only whitespace, <br> and <div> tags.
const EMPTY_FIELD = /^(?:\s|\u200b|<\/?(?:br|div) ?\/?>)*$/i;
const TAG = /\{\{([#^/]?)\s*([^}]*?)\s*\}\}/g;

function isEmpty(value: string | undefined): boolean {
  return value === undefined || EMPTY_FIELD.test(value);
}

function fieldValue(fields: FieldValues, ref: string): string {
  const parts = ref.split(':');
  const name = parts.pop() ?? '';
  const value = fields[name];
  if (value === undefined) throw new TemplateError(`unknown field {{${ref}}}`);
  // Of Anki's filters only `text:` matters here; the others need Anki's own runtime.
  return parts.includes('text') ? stripHtmlPreservingMedia(value) : value;
}

function render(template: string, fields: FieldValues): string {
  let out = '';
  let pos = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(template); m; m = TAG.exec(template)) {
    out += template.slice(pos, m.index);
    const [whole, kind, name = ''] = m;
    pos = m.index + whole.length;
    if (kind === '') {
      out += fieldValue(fields, name);
      continue;
    }
    if (kind === '/') throw new TemplateError(`{{/${name}}} without an opening tag`);
    const close = `{{/${name}}}`;
    const end = template.indexOf(close, pos);
    if (end < 0) throw new TemplateError(`{{${kind}${name}}} is never closed`);
    const empty = isEmpty(fields[name]);
    if (fields[name] === undefined) throw new TemplateError(`unknown field {{${kind}${name}}}`);
    if ((kind === '#') !== empty) out += render(template.slice(pos, end), fields);
    pos = end + close.length;
    TAG.lastIndex = pos;
  }
  return out + template.slice(pos);
}

/**
 * A small, faithful subset of Anki's card template language, to test cards outside Anki:
 * `{{Field}}`, `{{text:Field}}`, `{{#Field}}…{{/Field}}`, `{{^Field}}…{{/Field}}` and, on the
 * back, `{{FrontSide}}` (the rendered front).
 */
export function renderCard(
  templates: { qfmt: string; afmt: string },
  fields: FieldValues,
): { front: string; back: string } {
  const front = render(templates.qfmt, fields);
  const back = render(templates.afmt, { ...fields, FrontSide: front });
  return { front, back };
}
