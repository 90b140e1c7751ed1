import { opensAnnotation } from './annotations';
import { fenceOf, LineSet } from './items';
import { isRule, matchQuestion, type QuestionLine } from './lines';

/** A line that ends a passage: a thematic break (level 0) or a section heading (its level). */
export interface PassageBreak {
  line: number;
  level: number;
}

/** What one pass over the body finds. */
export interface BodyScan {
  /** Lines inside fenced code blocks or quizdeck comments: never question lines or breaks. */
  sheltered: LineSet;
  /** Numbered lines before `to` that may be questions. */
  candidates: { index: number; q: QuestionLine }[];
  breaks: PassageBreak[];
}

const HEADING_RE = /^(#{1,6})[ \t]+\S/;

/** Could the line be a thematic break or a heading: "-", "*", "_" or "#" after 0–3 spaces or tabs? */
function mayBreak(line: string): boolean {
  let k = 0;
  while (k < 3 && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k++;
  const c = line.charCodeAt(k);
  return c === 45 || c === 42 || c === 95 || c === 35;
}

/** The break the line is, if any. */
function breakAt(line: string, i: number): PassageBreak | undefined {
  if (isRule(line)) return { line: i, level: 0 };
  if (line.charCodeAt(0) !== 35) return undefined;
  const h = HEADING_RE.exec(line);
  // Headings that are questions ("## 6.", "### Question 7") never end a passage.
  if (h && matchQuestion(line) === undefined) return { line: i, level: h[1]?.length ?? 7 };
  return undefined;
}

/**
 * Reads lines[from..] once: the sheltered lines, and outside them the question candidates (before
 * `to`, where an answer key at the end starts) and the passage breaks.
 */
export function scanBody(lines: readonly string[], from: number, to: number): BodyScan {
  const sheltered = new LineSet(lines.length);
  const candidates: BodyScan['candidates'] = [];
  const breaks: PassageBreak[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = fenceOf(line);
    if (fence !== undefined) {
      sheltered.add(i);
      while (i + 1 < lines.length && !(lines[i + 1] ?? '').trimStart().startsWith(fence))
        sheltered.add(++i);
      if (i + 1 < lines.length) sheltered.add(++i);
      continue;
    }
    if (opensAnnotation(line)) {
      sheltered.add(i);
      while (i + 1 < lines.length && !(lines[i] ?? '').includes('-->')) sheltered.add(++i);
      continue;
    }
    if (i < to) {
      const q = matchQuestion(line);
      if (q) candidates.push({ index: i, q });
    }
    if (mayBreak(line)) {
      const br = breakAt(line, i);
      if (br) breaks.push(br);
    }
  }
  return { sheltered, candidates, breaks };
}
