import { isNode, LineCounter, parseDocument } from 'yaml';
import { BankSchema } from '../model/bank';
import type { Diagnostic } from '../model/diagnostic';
import { coerceTextFields } from './coerce-text';
import type { BankFormat } from './format';
import { modelDiagnostics, pathText } from './model-issues';
import type { ParseResult } from './parse-result';
import { type BankLocations, LineIndex, type Position } from './position';

const error = (file: string, at: Position, code: string, message: string): Diagnostic => ({
  file,
  ...at,
  severity: 'error',
  code,
  message,
});

/** Reads a canonical bank written as YAML or JSON; positions come from the YAML parser for both. */
export function parseStructured(
  text: string,
  file: string,
  format: Exclude<BankFormat, 'md'>,
): ParseResult {
  const locations: BankLocations = { questions: {}, contexts: {} };
  const index = new LineIndex(text);
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const at = /position (\d+)/.exec(message);
      const pos = at ? index.at(Number(at[1])) : { line: 1, col: 1 };
      // Node's wording is kept; its position suffix varies between versions and we give file:line.
      const why = message.replace(/ in JSON at position \d+.*$/, '');
      return {
        bank: undefined,
        locations,
        diagnostics: [error(file, pos, 'json', `invalid JSON: ${why}`)],
      };
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      bank: undefined,
      locations,
      diagnostics: doc.errors.map((e) =>
        error(file, index.at(e.pos[0]), 'yaml', `invalid YAML: ${e.message.split('\n')[0]}`),
      ),
    };
  }
  const data = coerceTextFields(doc.toJS());
  const posOf = (path: readonly PropertyKey[]): Position | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return index.at(node.range[0]);
    }
    return undefined;
  };
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as { questions?: unknown; contexts?: unknown };
    for (const [key, list] of [
      ['questions', d.questions],
      ['contexts', d.contexts],
    ] as const) {
      if (!Array.isArray(list)) continue;
      list.forEach((item: unknown, i) => {
        const id = (item as { id?: unknown } | null)?.id;
        const at = posOf([key, i]);
        if (typeof id === 'string' && at) locations[key][id] = at;
      });
    }
  }
  const parsed = BankSchema.safeParse(data);
  if (!parsed.success) {
    const diagnostics = modelDiagnostics(parsed.error, file, (path) => {
      const at = posOf(path);
      return at ? { at, where: pathText(path) || 'bank' } : undefined;
    });
    return { bank: undefined, locations, diagnostics };
  }
  return { bank: parsed.data, locations, diagnostics: [] };
}
