import { BankSchema } from '../model/bank';
import type { Diagnostic } from '../model/diagnostic';
import { coerceTextFields } from './coerce-text';
import type { BankFormat } from './format';
import { jsonPositions } from './json-positions';
import { modelDiagnostics, pathText } from './model-issues';
import { nestingMessage } from './nesting';
import type { ParseResult } from './parse-result';
import { childAt, keyOffset, nodeAt, type PosTree, startOf } from './pos-tree';
import { type BankLocations, LineIndex, type Position } from './position';
import { unknownKeys } from './unknown-keys';
import { validateBank } from './validate-bank';
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

function readJson(text: string, file: string, index: LineIndex, keep: number): Read {
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
  const positions = jsonPositions(text, keep);
  if ('tooDeep' in positions) {
    const at = index.at(positions.tooDeep);
    return { problems: [diagnostic(file, at, 'error', 'json', nestingMessage('JSON'))] };
  }
  index.knowStarts(positions.lineStarts);
  return { value, tree: positions.tree };
}

function readYaml(text: string, file: string, index: LineIndex, keep: number): Read {
  const fast = readFastYaml(text, keep);
  if (fast) return fast;
  const full = readFullYaml(text);
  if (full.problems === undefined) return full;
  return {
    problems: full.problems.map((p) =>
      diagnostic(file, index.at(p.offset), 'error', p.code, p.message),
    ),
  };
}

/** Levels of positions every bank needs: the root, its lists, and where each item starts. */
const OUTLINE = 2;

/**
 * Reads a canonical bank written as YAML or JSON in one parse that also gives where each question
 * and context starts. Only when there is something to report (an unknown key, a model error) is the
 * text scanned again for the positions of every value, so messages point at their lines.
 */
export function parseStructured(
  text: string,
  file: string,
  format: Exclude<BankFormat, 'md'>,
): ParseResult {
  const locations: BankLocations = { questions: {}, contexts: {} };
  const index = new LineIndex(text);
  const read = (keep: number) =>
    format === 'json' ? readJson(text, file, index, keep) : readYaml(text, file, index, keep);
  const outline = read(OUTLINE);
  if ('problems' in outline) return { bank: undefined, locations, diagnostics: outline.problems };
  const data = coerceTextFields(outline.value);
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as { questions?: unknown; contexts?: unknown };
    for (const [key, list] of [
      ['questions', d.questions],
      ['contexts', d.contexts],
    ] as const) {
      if (!Array.isArray(list)) continue;
      const nodes = childAt(outline.tree, key);
      list.forEach((item: unknown, i) => {
        const id = (item as { id?: unknown } | null)?.id;
        const node = childAt(nodes, i);
        if (typeof id === 'string' && node !== undefined)
          locations[key][id] = index.at(startOf(node));
      });
    }
  }
  const parsed = validateBank(data);
  const unknown = parsed.allKnown ? [] : unknownKeys(BankSchema, data);
  if (parsed.success && unknown.length === 0) {
    return { bank: parsed.data, locations, diagnostics: [] };
  }
  const full = read(Number.POSITIVE_INFINITY);
  const tree = 'tree' in full ? full.tree : outline.tree;
  const warnings = unknown.map((u) => {
    const holder = nodeAt(tree, u.path);
    const at = keyOffset(holder, u.key) ?? startOf(holder);
    return diagnostic(file, index.at(at), 'warning', 'unknown-key', u.message);
  });
  if (parsed.success) return { bank: parsed.data, locations, diagnostics: warnings };
  const errors = modelDiagnostics(parsed.error, file, (path) => ({
    at: index.at(startOf(nodeAt(tree, path))),
    where: pathText(path) || 'bank',
  }));
  const diagnostics = [...errors, ...warnings].sort((a, b) => a.line - b.line || a.col - b.col);
  return { bank: undefined, locations, diagnostics };
}
