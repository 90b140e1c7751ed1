// The fast bank check's (bank-fast-check.ts) object and list checks, compiled from its tables.

/** Any check's answer for a value the schema would not take. */
export const FAIL: unique symbol = Symbol('fail');

/** The value as the schema gives it back, or FAIL. */
export type Check = (value: unknown) => unknown;

/** A field: required, optional (kept when present, even undefined), or defaulted when undefined. */
export type Field = [key: string, check: Check, kind?: 'optional' | { default: () => unknown }];

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The check of an object with these fields: the object itself when it is already what the schema
 * would give (every field as it is, in the schema's order, no default to fill in), so a bank
 * written by quizdeck is not copied; else a copy in the schema's order, as zod makes; FAIL for a
 * wrong field or a key that is not a field.
 *
 * It is written out as code, one read of each field by its name, once per object schema from the
 * table above (field names and checks of our own schemas, never anything from a bank): a loop
 * over the fields reads every key of every object through one call site, which the engine cannot
 * specialise, and spent about five times as long on a large bank.
 */
export function objectCheck(fields: readonly Field[], refine?: (out: never) => boolean): Check {
  const keys = fields.map((f) => f[0]);
  const count = fields.length;
  const inOrder = (v: Record<string, unknown>, from: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < from; i++) {
      const key = keys[i] as string;
      if (key in v) out[key] = v[key];
    }
    return out;
  };
  const names = ['FAIL', 'isObject', 'inOrder', 'keys', 'refine'];
  const values: unknown[] = [FAIL, isObject, inOrder, keys, refine];
  const body = [
    'if (!isObject(v)) return FAIL;',
    'let out; let present = 0; let value; let result;',
  ];
  fields.forEach(([key, check, kind], i) => {
    const k = JSON.stringify(key);
    names.push(`c${i}`);
    values.push(check);
    const keep = `if (out === undefined && result !== value) out = inOrder(v, ${i}); if (out !== undefined) out[${k}] = result;`;
    let absent: string;
    if (kind === undefined) absent = 'return FAIL;';
    else if (kind === 'optional')
      absent = `if (${k} in v) { present++; result = undefined; ${keep} }`;
    else {
      names.push(`d${i}`);
      values.push(kind.default);
      absent = `if (${k} in v) present++; result = d${i}(); ${keep}`;
    }
    body.push(
      `value = v[${k}];`,
      `if (value !== undefined) { present++; result = c${i}(value); if (result === FAIL) return FAIL; ${keep} } else { ${absent} }`,
    );
  });
  // Every key must be a field (zod drops others; the caller tells of them), in the fields' order.
  body.push(
    'let seen = 0; let next = 0; let ordered = true;',
    `for (const key in v) { seen++; while (next < ${count} && keys[next] !== key) next++; if (next++ >= ${count}) ordered = false; }`,
    'if (seen !== present) return FAIL;',
    `const done = out ?? (ordered ? v : inOrder(v, ${count}));`,
    'return refine !== undefined && !refine(done) ? FAIL : done;',
  );
  const make = new Function(...names, `return function check(v) { ${body.join('\n')} };`);
  return make(...values) as Check;
}

/**
 * The check of a list: the array itself when every element passes as it is, else a copy with
 * what they gave. Compiled for the same reason as objectCheck: one call site per list.
 */
export function listCheck(element: Check, min = 0): Check {
  const make = new Function(
    'FAIL',
    'element',
    `return function check(v) {
      if (!Array.isArray(v) || v.length < ${min}) return FAIL;
      let out;
      for (let i = 0; i < v.length; i++) {
        const e = element(v[i]);
        if (e === FAIL) return FAIL;
        if (out === undefined && e !== v[i]) out = v.slice(0, i);
        if (out !== undefined) out[i] = e;
      }
      return out ?? v;
    };`,
  );
  return make(FAIL, element) as Check;
}
