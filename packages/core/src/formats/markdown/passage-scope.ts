import type { PassageBreak } from './body-scan';
import type { Builder, DraftContext } from './builder';

const MANY = 6;

/**
 * Each question's passage: the latest one above it, unless a thematic break, a heading of its
 * level or higher, or the end of the range it states comes between. A comment's `context` wins.
 */
export function assignContexts(b: Builder, breaks: readonly PassageBreak[]): void {
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
