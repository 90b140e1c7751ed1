import { BankSchema } from '../model/bank';
import type { Diagnostic } from '../model/diagnostic';
import { coerceTextFields } from './coerce-text';
import type { BankFormat } from './format';
import { jsonPositions } from './json-positions';
import { modelDiagnostics, pathText } from './model-issues';
import { nestingMessage } from './nesting';
import type { ParseResult } from './parse-result';
import { childAt, nodeAt, type PosTree, startOf } from './pos-tree';
import { type BankLocations, LineIndex, type Position } from './position';
import { unknownKeys } from './unknown-keys';
import { readFastYaml } from './yaml-fast';
import { readFullYaml } from './yaml-full';

const diagnostic = (
  file: string,
  at: Position,
  severity: Diagnostic['severity'],
  code: string,
  message: string,
): Diagnostic => ({ file, ...at, severity, code, message });

type Read = { value: unknown; tree: PosTree } | { problems: Diagnostic[] };

function readJson(text: string, file: string, index: LineIndex): Read {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const pos = at ? index.at(Number(at[1])) : { line: 1, col: 1 };
    // Node's wording is kept; its position suffix varies between versions and we give file:line.
    const why = message.replace(/ in JSON at position \d+.*$/, '');
    return { problems: [diagnostic(file, pos, 'error', 'json', `invalid JSON: ${why}`)] };
  }
  const positions = jsonPositions(text);
  if ('tooDeep' in positions) {
    const at = index.at(positions.tooDeep);
    return { problems: [diagnostic(file, at, 'error', 'json', nestingMessage('JSON'))] };
  }
  return { value, tree: positions.tree };
}

function readYaml(text: string, file: string, index: LineIndex): Read {
  const fast = readFastYaml(text);
  if (fast) return fast;
  const full = readFullYaml(text);
  if (full.problems === undefined) return full;
  return {
    problems: full.problems.map((p) =>
      diagnostic(file, index.at(p.offset), 'error', p.code, p.message),
    ),
  };
}

/** Reads a canonical bank written as YAML or JSON, with positions from the same single parse. */
export function parseStructured(
  text: string,
  file: string,
  format: Exclude<BankFormat, 'md'>,
): ParseResult {
  const locations: BankLocations = { questions: {}, contexts: {} };
  const index = new LineIndex(text);
  const read = format === 'json' ? readJson(text, file, index) : readYaml(text, file, index);
  if ('problems' in read) return { bank: undefined, locations, diagnostics: read.problems };
  const { tree } = read;
  const data = coerceTextFields(read.value);
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as { questions?: unknown; contexts?: unknown };
    for (const [key, list] of [
      ['questions', d.questions],
      ['contexts', d.contexts],
    ] as const) {
      if (!Array.isArray(list)) continue;
      const nodes = childAt(tree, key);
      list.forEach((item: unknown, i) => {
        const id = (item as { id?: unknown } | null)?.id;
        const node = childAt(nodes, i);
        if (typeof id === 'string' && node !== undefined)
          locations[key][id] = index.at(startOf(node));
      });
    }
  }
  const warnings = unknownKeys(BankSchema, data, tree).map((u) =>
    diagnostic(file, index.at(u.offset), 'warning', 'unknown-key', u.message),
  );
  const parsed = BankSchema.safeParse(data);
  if (!parsed.success) {
    const errors = modelDiagnostics(parsed.error, file, (path) => ({
      at: index.at(startOf(nodeAt(tree, path))),
      where: pathText(path) || 'bank',
    }));
    const diagnostics = [...errors, ...warnings].sort((a, b) => a.line - b.line || a.col - b.col);
    return { bank: undefined, locations, diagnostics };
  }
  return { bank: parsed.data, locations, diagnostics: warnings };
}
