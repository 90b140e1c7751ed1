import { emptyMessage, type FieldError, invalidFormBody } from './api-error';
import { UPLOADS } from './multipart';
import { checkComponents } from './validate-components';

/** Discord's message limits; a payload over any of them is answered 400 (50035). */
export const MESSAGE_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  nonce: 25,
  /** Files per message, and their total size (Discord's default upload limit, 10 MiB). */
  files: 10,
  uploadBytes: 10 * 1024 * 1024,
} as const;

const tooLong = (path: string, max: number): FieldError => ({
  path,
  code: 'BASE_TYPE_MAX_LENGTH',
  message: `Must be ${max} or fewer in length.`,
});

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function checkEmbed(embed: Record<string, unknown>, path: string, errors: FieldError[]): number {
  const L = MESSAGE_LIMITS;
  const title = text(embed.title);
  const description = text(embed.description);
  const footer = text((embed.footer as Record<string, unknown> | undefined)?.text);
  const author = text((embed.author as Record<string, unknown> | undefined)?.name);
  if (title.length > L.title) errors.push(tooLong(`${path}.title`, L.title));
  if (description.length > L.description) {
    errors.push(tooLong(`${path}.description`, L.description));
  }
  if (footer.length > L.footer) errors.push(tooLong(`${path}.footer.text`, L.footer));
  if (author.length > L.author) errors.push(tooLong(`${path}.author.name`, L.author));
  let total = title.length + description.length + footer.length + author.length;
  const fields = Array.isArray(embed.fields) ? (embed.fields as Record<string, unknown>[]) : [];
  if (fields.length > L.fields) errors.push(tooLong(`${path}.fields`, L.fields));
  fields.forEach((field, i) => {
    const name = text(field.name);
    const value = text(field.value);
    if (name.length > L.fieldName) errors.push(tooLong(`${path}.fields.${i}.name`, L.fieldName));
    if (value.length > L.fieldValue) {
      errors.push(tooLong(`${path}.fields.${i}.value`, L.fieldValue));
    }
    total += name.length + value.length;
  });
  return total;
}

/**
 * Validates a message create/edit body the way Discord does. `requireContent` is for creates:
 * a message with no content, embeds, components or files is 50006. `at` prefixes the error paths
 * (`'data'` for an interaction callback, whose message sits under `data`).
 */
export function validateMessageBody(
  body: Record<string, unknown>,
  requireContent: boolean,
  at = '',
): void {
  const found: FieldError[] = [];
  const L = MESSAGE_LIMITS;
  const content = text(body.content);
  if (content.length > L.content) found.push(tooLong('content', L.content));
  if (typeof body.nonce === 'string' && body.nonce.length > L.nonce) {
    found.push(tooLong('nonce', L.nonce));
  }
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Record<string, unknown>[]) : [];
  if (embeds.length > L.embeds) found.push(tooLong('embeds', L.embeds));
  let total = 0;
  embeds.forEach((embed, i) => {
    total += checkEmbed(embed, `embeds.${i}`, found);
  });
  if (total > L.embedTotal) {
    found.push({
      path: 'embeds',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Embed size exceeds maximum size of ${L.embedTotal}`,
    });
  }
  checkComponents(body.components, 'components', found);
  const errors = at ? found.map((e) => ({ ...e, path: `${at}.${e.path}` })) : found;
  if (errors.length) throw invalidFormBody(errors);
  const hasComponents = Array.isArray(body.components) && body.components.length > 0;
  const hasFiles = ((body as { [UPLOADS]?: unknown[] })[UPLOADS]?.length ?? 0) > 0;
  if (requireContent && !content && !embeds.length && !hasComponents && !hasFiles) {
    throw emptyMessage();
  }
}
