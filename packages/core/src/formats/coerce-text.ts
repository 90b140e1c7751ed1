/**
 * YAML authors write `number: 6` or `text: 60000`; those fields are text in the model, so plain
 * numbers there are read as the digits written. Nothing else is converted.
 */
export function coerceTextFields(data: unknown): unknown {
  if (!isRecord(data)) return data;
  toText(data, 'title');
  if (Array.isArray(data.questions)) {
    for (const q of data.questions) {
      if (!isRecord(q)) continue;
      toText(q, 'number');
      toText(q, 'prompt');
      toText(q, 'explanation');
      if (Array.isArray(q.options)) for (const o of q.options) if (isRecord(o)) toText(o, 'text');
    }
  }
  return data;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function toText(obj: Record<string, unknown>, key: string): void {
  const value = obj[key];
  if (typeof value === 'number' && Number.isFinite(value)) obj[key] = String(value);
}
