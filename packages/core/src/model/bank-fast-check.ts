import { CheckExclusionSchema } from '../rnn/check-schema';
import {
  CellSchema,
  ConventionSchema,
  checkShapeSpec,
  MAX_LAYERS,
  MAX_SIZE,
} from '../rnn/shape-spec';
import { type Bank, checkBankReferences } from './bank';
import { NoteKindSchema } from './note';
import { OPTION_KEY_PATTERN } from './option';
import { SLUG_MAX, SLUG_PATTERN } from './slug';

// BankSchema's parse, written out for banks that pass it: zod's general machinery (and the copy it
// makes of every question) is most of a large bank's validation time. It gives exactly what
// BankSchema.safeParse would (fields in the schema's order, defaults filled in), or FAIL for
// anything else (a wrong value, an unknown key), which then goes to the schema for its messages.
// test/bank-fast-check.test.ts holds it to the schema on the corpus, fuzzed and mutated banks.

const FAIL: unique symbol = Symbol('fail');
type Check = (value: unknown) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text =
  (min = 0): Check =>
  (v) =>
    typeof v === 'string' && v.length >= min ? v : FAIL;

const slug: Check = (v) =>
  typeof v === 'string' && v.length <= SLUG_MAX && SLUG_PATTERN.test(v) ? v : FAIL;

const bool: Check = (v) => (typeof v === 'boolean' ? v : FAIL);

const int =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : FAIL;

const oneOf = (values: readonly unknown[]): Check => {
  const set = new Set(values);
  return (v) => (set.has(v) ? v : FAIL);
};

/** The array itself when every element passes as it is, else a copy with what they gave. */
function list(element: Check, min = 0): Check {
  return (v) => {
    if (!Array.isArray(v) || v.length < min) return FAIL;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const e = element(v[i]);
      if (e === FAIL) return FAIL;
      if (out === undefined && e !== v[i]) out = v.slice(0, i);
      if (out !== undefined) out[i] = e;
    }
    return out ?? v;
  };
}

/** A field: required, optional (kept when present, even undefined), or defaulted when undefined. */
type Field = [key: string, check: Check, kind?: 'optional' | { default: () => unknown }];

/**
 * The object itself when it is already what the schema would give (every field as it is, in the
 * schema's order, no default to fill in): a bank written by quizdeck is not copied. Else a copy
 * in the schema's order, as zod makes.
 */
function object(fields: readonly Field[], refine?: (out: never) => boolean): Check {
  const keys = fields.map((f) => f[0]);
  const checkOf = fields.map((f) => f[1]);
  const kinds = fields.map((f) => f[2]);
  const count = fields.length;
  const inOrder = (v: Record<string, unknown>, from: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < from; i++) {
      const key = keys[i] as string;
      if (key in v) out[key] = v[key];
    }
    return out;
  };
  return (v) => {
    if (!isObject(v)) return FAIL;
    let out: Record<string, unknown> | undefined;
    let present = 0;
    for (let i = 0; i < count; i++) {
      const key = keys[i] as string;
      const value = v[key];
      let result: unknown;
      if (value !== undefined) {
        present++;
        result = (checkOf[i] as Check)(value);
        if (result === FAIL) return FAIL;
      } else {
        const kind = kinds[i];
        const has = key in v;
        if (has) present++;
        if (kind === undefined) return FAIL;
        if (kind !== 'optional') result = kind.default();
        else if (!has) continue;
      }
      if (out === undefined && result !== value) out = inOrder(v, i);
      if (out !== undefined) out[key] = result;
    }
    // Every key must be a field (zod drops others; the caller tells of them), in the fields' order.
    let seen = 0;
    let next = 0;
    let ordered = true;
    for (const key in v) {
      seen++;
      while (next < count && keys[next] !== key) next++;
      if (next++ >= count) ordered = false;
    }
    if (seen !== present) return FAIL;
    const result = out ?? (ordered ? v : inOrder(v, count));
    return refine && !refine(result as never) ? FAIL : result;
  };
}

const opt = 'optional' as const;
const empty = { default: () => [] };
const size = int(1, MAX_SIZE);

const passes = <T>(checkRules: (value: T, add: () => void) => void) => {
  return (value: T) => {
    let ok = true;
    checkRules(value, () => {
      ok = false;
    });
    return ok;
  };
};

const spec = object(
  [
    ['cell', oneOf(CellSchema.options)],
    ['input', size],
    ['hidden', size],
    ['layers', int(1, MAX_LAYERS), { default: () => 1 }],
    ['bidirectional', bool, { default: () => false }],
    ['proj', size, opt],
    ['bias', bool, { default: () => true }],
    ['classes', size, opt],
    ['convention', oneOf(ConventionSchema.options), { default: () => 'textbook' }],
    ['resetAfter', bool, opt],
  ],
  passes(checkShapeSpec),
);

const quantity = (name: string): Field => ['quantity', oneOf([name])];

const checks = new Map<unknown, Check>([
  ['shape', object([quantity('shape'), ['spec', spec], ['tensor', text(1)]])],
  [
    'params',
    object([
      quantity('params'),
      ['spec', spec],
      ['tensor', text(1), opt],
      ['exclude', list(oneOf(CheckExclusionSchema.options)), empty],
    ]),
  ],
  ['unrolled-depth', object([quantity('unrolled-depth'), ['steps', size]])],
  ['macs-per-step', object([quantity('macs-per-step'), ['spec', spec]])],
  ['macs-per-sequence', object([quantity('macs-per-sequence'), ['spec', spec], ['steps', size]])],
  [
    'conv-output',
    object([
      quantity('conv-output'),
      [
        'conv',
        object([
          ['size', size],
          ['kernel', size],
          ['stride', size, { default: () => 1 }],
          ['padding', int(0, MAX_SIZE), { default: () => 0 }],
        ]),
      ],
    ]),
  ],
]);

const check: Check = (v) => (isObject(v) ? (checks.get(v.quantity)?.(v) ?? FAIL) : FAIL);

const tags = list(text(1));

const optionKey: Check = (v) => (typeof v === 'string' && OPTION_KEY_PATTERN.test(v) ? v : FAIL);

const question = object([
  ['id', slug],
  ['number', text(), opt],
  ['context', slug, opt],
  ['prompt', text(1)],
  [
    'options',
    list(
      object([
        ['key', optionKey],
        ['text', text(1)],
        ['pinned', bool, opt],
      ]),
      2,
    ),
  ],
  ['answer', list(optionKey, 1)],
  ['multiple', bool],
  ['explanation', text(), opt],
  [
    'notes',
    list(
      object([
        ['kind', oneOf(NoteKindSchema.options)],
        ['text', text(1)],
      ]),
    ),
    empty,
  ],
  ['tags', tags, empty],
  ['check', check, opt],
]);

const context = object([
  ['id', slug],
  ['title', text(), opt],
  ['body', text(1)],
  ['notes', text(), opt],
  ['continues', slug, opt],
]);

const bank = object(
  [
    ['id', slug],
    ['title', text(1)],
    ['description', text(), opt],
    ['source', text(), opt],
    ['tags', tags, empty],
    ['contexts', list(context), empty],
    ['questions', list(question)],
  ],
  passes(checkBankReferences),
);

/** What BankSchema.safeParse(data) gives when it succeeds; undefined when it might not. */
export function fastBank(data: unknown): Bank | undefined {
  const out = bank(data);
  return out === FAIL ? undefined : (out as Bank);
}
