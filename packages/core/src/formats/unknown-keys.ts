import { z } from 'zod';
import { quoteBankText as quote } from '../render/quote-bank-text';
import { closestName } from './closest-name';
import { pathText } from './model-issues';

export interface UnknownKey {
  /** The object holding the key, and the key. */
  path: PropertyKey[];
  key: string;
  message: string;
}

/** The schema under optional/default/nullable wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else return s;
  }
}

/** What to look for in a value: known keys of an object, the plan of each field or element. */
type Plan =
  | { kind: 'object'; known: string[]; fields: Map<string, Plan> }
  | { kind: 'array'; element: Plan }
  | { kind: 'union'; tag: string; byTag: Map<unknown, Plan>; all: Plan }
  | undefined;

const plans = new WeakMap<z.ZodType, Plan>();

/** The plan of a schema, made once: walking zod's schema objects per value is slow. */
function planOf(schema: z.ZodType): Plan {
  if (plans.has(schema)) return plans.get(schema);
  const s = unwrap(schema);
  let plan: Plan;
  if (s instanceof z.ZodArray) {
    plan = { kind: 'array', element: planOf(s.element as z.ZodType) };
  } else if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    plan = { kind: 'object', known: Object.keys(shape), fields: new Map() };
    plans.set(schema, plan);
    for (const [k, field] of Object.entries(shape)) plan.fields.set(k, planOf(field));
  } else if (s instanceof z.ZodDiscriminatedUnion) {
    const tag = s._zod.def.discriminator;
    const byTag = new Map<unknown, Plan>();
    const shape: Record<string, z.ZodType> = {};
    for (const o of s.options as z.ZodType[]) {
      if (!(o instanceof z.ZodObject)) continue;
      Object.assign(shape, o.shape);
      const field = o.shape[tag];
      if (field instanceof z.ZodLiteral) for (const v of field.values) byTag.set(v, planOf(o));
    }
    plan = { kind: 'union', tag, byTag, all: planOf(z.object(shape)) };
  }
  plans.set(schema, plan);
  return plan;
}

/** Unknown keys named one by one; past this, a bank is not a misspelt bank and one line says so. */
const MAX_LISTED = 100;

/**
 * Keys a YAML/JSON bank holds that its schema does not know (the model would drop them without a
 * word), at every level the schema describes, with the closest known key.
 */
export function unknownKeys(schema: z.ZodType, data: unknown): UnknownKey[] {
  const found: UnknownKey[] = [];
  let unlisted = 0;
  const path: PropertyKey[] = [];
  const visit = (p: Plan, value: unknown) => {
    if (p === undefined || typeof value !== 'object' || value === null) return;
    if (p.kind === 'array') {
      if (!Array.isArray(value)) return;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(p.element, value[i]);
        path.pop();
      }
      return;
    }
    if (Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    const object = p.kind === 'union' ? (p.byTag.get(record[p.tag]) ?? p.all) : p;
    if (object?.kind !== 'object') return;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const field = object.fields.get(key);
      if (field !== undefined || object.fields.has(key)) {
        if (field !== undefined) {
          path.push(key);
          visit(field, record[key]);
          path.pop();
        }
        continue;
      }
      if (found.length >= MAX_LISTED) {
        unlisted++;
        continue;
      }
      const near = closestName(key, object.known);
      const where = pathText(path) || 'bank';
      found.push({
        path: [...path],
        key,
        message: `${where}: unknown key ${quote(key)}${near ? ` (did you mean "${near}"?)` : ''}; it is ignored`,
      });
    }
  };
  visit(planOf(schema), data);
  if (unlisted > 0) {
    found.push({
      path: [],
      key: '',
      message: `${unlisted.toLocaleString('en-US')} more unknown keys are not listed; they are ignored`,
    });
  }
  return found;
}
