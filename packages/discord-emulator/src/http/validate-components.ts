import { ACTION_ROW, BUTTON, isObject, LINK_STYLE } from '../components';
import type { FieldError } from './api-error';

/** Discord's limits on message components (action rows of buttons). */
export const COMPONENT_LIMITS = {
  rows: 5,
  buttonsPerRow: 5,
  customId: 100,
  label: 80,
  url: 512,
} as const;

const PREMIUM_STYLE = 6;
/** Select menus (string, user, role, mentionable, channel): accepted, each alone in its row. */
const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

const fieldError = (path: string, code: string, message: string): FieldError => ({
  path,
  code,
  message,
});
const maxLength = (path: string, max: number) =>
  fieldError(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
const required = (path: string) => fieldError(path, 'BASE_TYPE_REQUIRED', 'This field is required');

type Json = Record<string, unknown>;

function checkButton(button: Json, path: string, seen: Set<string>, errors: FieldError[]): void {
  const style = button.style;
  if (typeof style !== 'number' || !Number.isInteger(style) || style < 1 || style > 6) {
    errors.push(
      fieldError(`${path}.style`, 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.'),
    );
    return;
  }
  const label = button.label;
  if (typeof label === 'string' && label.length > COMPONENT_LIMITS.label) {
    errors.push(maxLength(`${path}.label`, COMPONENT_LIMITS.label));
  }
  const customId = button.custom_id;
  const url = button.url;
  if (style === LINK_STYLE) {
    if (typeof url !== 'string' || url === '') errors.push(required(`${path}.url`));
    else if (url.length > COMPONENT_LIMITS.url) {
      errors.push(maxLength(`${path}.url`, COMPONENT_LIMITS.url));
    }
    if (customId !== undefined && customId !== null) {
      errors.push(
        fieldError(
          `${path}.custom_id`,
          'BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE',
          'A custom id and url cannot both be specified',
        ),
      );
    }
    return;
  }
  if (style === PREMIUM_STYLE) return;
  if (url !== undefined && url !== null) {
    errors.push(
      fieldError(
        `${path}.url`,
        'BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE',
        'A custom id and url cannot both be specified',
      ),
    );
  }
  if (typeof customId !== 'string' || customId === '') {
    errors.push(
      fieldError(
        `${path}.custom_id`,
        'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED',
        'A custom id is required',
      ),
    );
  } else if (customId.length > COMPONENT_LIMITS.customId) {
    errors.push(maxLength(`${path}.custom_id`, COMPONENT_LIMITS.customId));
  } else if (seen.has(customId)) {
    // Disabled buttons count too (discord/discord-api-docs#3673).
    errors.push(
      fieldError(
        `${path}.custom_id`,
        'COMPONENT_CUSTOM_ID_DUPLICATED',
        'Component custom id was already specified',
      ),
    );
  } else {
    seen.add(customId);
  }
}

function checkRow(row: unknown, path: string, seen: Set<string>, errors: FieldError[]): void {
  if (!isObject(row) || row.type !== ACTION_ROW) {
    errors.push(
      fieldError(path, 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).'),
    );
    return;
  }
  const children = row.components;
  if (!Array.isArray(children) || children.length === 0) {
    errors.push(required(`${path}.components`));
    return;
  }
  const hasSelect = children.some((c) => isObject(c) && SELECT_TYPES.has(Number(c.type)));
  // A select menu is as wide as a row; five buttons fill one.
  const width = hasSelect ? 1 : COMPONENT_LIMITS.buttonsPerRow;
  children.forEach((child, i) => {
    const at = `${path}.components.${i}`;
    if (i >= width) {
      errors.push(
        fieldError(
          at,
          'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
          'The specified component exceeds the maximum width',
        ),
      );
    } else if (isObject(child) && child.type === BUTTON) {
      checkButton(child, at, seen, errors);
    } else if (!isObject(child) || !SELECT_TYPES.has(Number(child.type))) {
      errors.push(
        fieldError(
          at,
          'UNION_TYPE_CHOICES',
          'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).',
        ),
      );
    }
  });
}

/**
 * Checks a message's `components` the way Discord does for classic (non Components V2) messages:
 * at most five action rows, each holding up to five buttons or one select menu; a non-link button
 * needs a `custom_id` (1–100 characters) unique in the message, a link button a `url` and no
 * `custom_id`; labels up to 80 characters. Errors are pushed at paths under `at`.
 */
export function checkComponents(components: unknown, at: string, errors: FieldError[]): void {
  if (!Array.isArray(components)) return;
  if (components.length > COMPONENT_LIMITS.rows) {
    errors.push(maxLength(at, COMPONENT_LIMITS.rows));
    return;
  }
  const seen = new Set<string>();
  components.forEach((row, i) => {
    checkRow(row, `${at}.${i}`, seen, errors);
  });
}
