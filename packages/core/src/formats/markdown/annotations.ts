import { parse } from 'yaml';
import { flowTooDeepAt, nestingMessage } from '../nesting';
import { parseFlowYaml } from './flow-yaml';
import { firstNonBlank } from './lines';

export interface Annotation {
  /** 0-based index of the first and last line holding the comment. */
  start: number;
  end: number;
  data: Record<string, unknown>;
}

export type AnnotationResult = { annotation: Annotation } | { error: string; end: number };

const OPEN = '<!-- quizdeck:';

export const opensAnnotation = (line: string) => line.startsWith(OPEN, firstNonBlank(line));

/** Reads a `<!-- quizdeck: <YAML mapping> -->` comment starting at lines[start]. */
export function readAnnotation(lines: readonly string[], start: number): AnnotationResult {
  let end = start;
  while (end < lines.length && !(lines[end] ?? '').includes('-->')) end++;
  if (end >= lines.length)
    return { error: 'unclosed quizdeck comment (no "-->")', end: lines.length - 1 };
  if (!(lines[end] ?? '').trimEnd().endsWith('-->')) {
    return { error: 'text after a quizdeck comment on the same line', end };
  }
  const raw = (start === end ? (lines[start] ?? '') : lines.slice(start, end + 1).join('\n'))
    .trim()
    .slice(OPEN.length, -3);
  let data = parseFlowYaml(raw);
  if (data === undefined) {
    if (flowTooDeepAt(raw) !== -1) return { error: nestingMessage('quizdeck comment'), end };
    try {
      data = parse(raw);
    } catch (e) {
      return { error: `quizdeck comment is not valid YAML: ${firstLine(e)}`, end };
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { error: 'a quizdeck comment must hold a YAML mapping', end };
  }
  return { annotation: { start, end, data: data as Record<string, unknown> } };
}

/** First line of an error message, without the yaml library's own position (we give ours). */
export const firstLine = (e: unknown) =>
  ((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '').replace(
    / at line \d+, column \d+:?$/,
    '',
  );
