import type { Builder, DraftContext } from './builder';
import type { LineSet } from './items';
import { isRule, matchQuestion } from './lines';

const HEADING_RE = /^(#{1,6})[ \t]+\S/;

/** Could the line be a thematic break or a heading: "-", "*", "_" or "#" after 0–3 spaces or tabs? */
function mayBreak(line: string): boolean {
  let k = 0;
  while (k < 3 && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k++;
  const c = line.charCodeAt(k);
  return c === 45 || c === 42 || c === 95 || c === 35;
}

/** Lines that end a passage: thematic breaks (level 0) and section headings (their level). */
function breaksOf(lines: readonly string[], from: number, sheltered: LineSet) {
  const out: { line: number; level: number }[] = [];
  for (let i = from; i < lines.length; i++) {
    if (sheltered.has(i)) continue;
    const line = lines[i] ?? '';
    if (!mayBreak(line)) continue;
    if (isRule(line)) out.push({ line: i, level: 0 });
    else if (line.charCodeAt(0) === 35) {
      const h = HEADING_RE.exec(line);
      // Headings that are questions ("## 6.", "### Question 7") never end a passage.
      if (h && matchQuestion(line) === undefined) out.push({ line: i, level: h[1]?.length ?? 7 });
    }
  }
  return out;
}

const MANY = 6;

/**
 * Each question's passage: the latest one above it, unless a thematic break, a heading of its
 * level or higher, or the end of the range it states comes between. A comment's `context` wins.
 */
export function assignContexts(
  b: Builder,
  lines: readonly string[],
  from: number,
  sheltered: LineSet,
): void {
  const breaks = breaksOf(lines, from, sheltered);
  const counted = new Map<DraftContext, number>();
  const lastOf = new Map<DraftContext, number>();
  let c = 0;
  let k = 0;
  let open: DraftContext | undefined;
  for (const q of b.questions) {
    while (c < b.contexts.length && (b.contexts[c]?.line ?? 0) < q.line) {
      open = b.contexts[c];
      c++;
    }
    while (k < breaks.length && (breaks[k]?.line ?? 0) < q.line) {
      const br = breaks[k];
      if (open && br && br.line > open.line && br.level <= open.level) open = undefined;
      k++;
    }
    let inScope = open !== undefined;
    if (open && inScope && open.range) {
      const seen = counted.get(open) ?? 0;
      inScope =
        'count' in open.range
          ? seen < open.range.count
          : Number(q.fields.number) >= open.range.from && Number(q.fields.number) <= open.range.to;
    }
    if ('context' in q.fields) {
      if (q.fields.context === null) delete q.fields.context;
      continue;
    }
    if (open && inScope) {
      q.fields = { ...q.fields, context: open.id };
      counted.set(open, (counted.get(open) ?? 0) + 1);
      lastOf.set(open, q.line);
    }
  }
  for (const [ctx, n] of counted) {
    if (n < MANY || ctx.range) continue;
    const last = lastOf.get(ctx) ?? 0;
    const after = b.contexts.some((x) => x.line > last) || breaks.some((br) => br.line > last);
    if (!after)
      b.report(
        'warning',
        ctx.line,
        'passage-unbounded',
        `passage "${ctx.id}" applies to all ${n} questions after it, to the end of the file: end it with "---" or a heading, or state its range ("questions 4 to 6")`,
      );
  }
}
