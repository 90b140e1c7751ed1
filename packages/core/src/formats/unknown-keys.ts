import { z } from 'zod';
import { closestName } from './closest-name';
import { pathText } from './model-issues';
import { childAt, keyOffset, type PosTree } from './pos-tree';

export interface UnknownKey {
  /** Where the key is written. */
  offset: number;
  message: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The schema under optional/default/nullable wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else return s;
  }
}

/** The object schema a discriminated union picks for a value, or the union of all its keys. */
function objectFor(schema: z.ZodType, value: Record<string, unknown>): z.ZodObject | undefined {
  if (schema instanceof z.ZodObject) return schema;
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const options = schema.options as z.ZodType[];
    const tag = schema._zod.def.discriminator;
    const picked = options.find((o) => {
      const field = o instanceof z.ZodObject ? o.shape[tag] : undefined;
      return field instanceof z.ZodLiteral && field.values.has(value[tag] as never);
    });
    if (picked instanceof z.ZodObject) return picked;
    const shape: Record<string, z.ZodType> = {};
    for (const o of options) if (o instanceof z.ZodObject) Object.assign(shape, o.shape);
    return z.object(shape);
  }
  return undefined;
}

/** Bank text quoted for a message: control characters written as escapes. */
const quote = (s: string) =>
  JSON.stringify(s).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/**
 * Keys a YAML/JSON bank holds that its schema does not know (the model would drop them without a
 * word), at every level the schema describes, with the closest known key.
 */
export function unknownKeys(schema: z.ZodType, data: unknown, tree: PosTree): UnknownKey[] {
  const found: UnknownKey[] = [];
  const visit = (s: z.ZodType, value: unknown, node: PosTree | undefined, path: PropertyKey[]) => {
    const inner = unwrap(s);
    if (inner instanceof z.ZodArray) {
      if (!Array.isArray(value)) return;
      const element = inner.element as z.ZodType;
      value.forEach((item, i) => {
        visit(element, item, childAt(node, i), [...path, i]);
      });
      return;
    }
    if (!isRecord(value)) return;
    const object = objectFor(inner, value);
    if (!object) return;
    const shape = object.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    for (const key of Object.keys(value)) {
      const field = shape[key];
      if (field !== undefined && Object.hasOwn(shape, key)) {
        visit(field, value[key], childAt(node, key), [...path, key]);
        continue;
      }
      const near = closestName(key, known);
      const where = pathText(path) || 'bank';
      found.push({
        offset: keyOffset(node, key) ?? (typeof node === 'number' ? node : (node?.at ?? 0)),
        message: `${where}: unknown key ${quote(key)}${near ? ` (did you mean "${near}"?)` : ''}; it is ignored`,
      });
    }
  };
  visit(schema, data, tree, []);
  return found;
}
