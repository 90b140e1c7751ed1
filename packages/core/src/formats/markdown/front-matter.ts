import { parse } from 'yaml';
import { firstLine } from './annotations';

export interface FrontMatter {
  /** 0-based index of the first line after the front matter. */
  bodyStart: number;
  data: Record<string, unknown>;
  issues: { line: number; message: string; severity: 'error' | 'warning' }[];
}

const BANK_KEYS = new Set(['id', 'title', 'description', 'source', 'tags']);

/** Optional YAML front matter: `---` on line 1, bank fields, `---` (or `...`). */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { bodyStart: 0, data: {}, issues: [] };
  if ((lines[0] ?? '').trimEnd() !== '---') return none;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    return {
      ...none,
      issues: [
        { line: 0, message: 'front matter is not closed by a "---" line', severity: 'error' },
      ],
    };
  }
  const result: FrontMatter = { bodyStart: close + 1, data: {}, issues: [] };
  let data: unknown;
  try {
    data = parse(lines.slice(1, close).join('\n'));
  } catch (e) {
    const at = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    result.issues.push({
      line: at,
      message: `front matter is not valid YAML: ${firstLine(e)}`,
      severity: 'error',
    });
    return result;
  }
  if (data === null || data === undefined) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    result.issues.push({
      line: 1,
      message: 'front matter must be a YAML mapping of bank fields',
      severity: 'error',
    });
    return result;
  }
  for (const [key, value] of Object.entries(data)) {
    if (BANK_KEYS.has(key)) result.data[key] = value;
    else {
      const at = lines.findIndex((l, i) => i > 0 && i < close && l.startsWith(`${key}:`));
      result.issues.push({
        line: at === -1 ? 0 : at,
        message: `unknown front matter key "${key}" (known: ${[...BANK_KEYS].join(', ')})`,
        severity: 'warning',
      });
    }
  }
  return result;
}
