import { normaliseText } from './lines';

/** Edit distance of two short strings (each cut to 160 characters), one row at a time. */
function distance(a: string, b: string): number {
  const x = a.slice(0, 160);
  const y = b.slice(0, 160);
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
    }
    row = next;
  }
  return row[y.length] ?? 0;
}

/** The option whose text is nearest to `text` (for "matches no option" messages). */
export function closestOption<T extends { key: string; text: string }>(
  text: string,
  options: readonly T[],
): T | undefined {
  const want = normaliseText(text);
  let best: T | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const o of options) {
    const score = distance(want, normaliseText(o.text));
    if (score < bestScore) {
      bestScore = score;
      best = o;
    }
  }
  return best;
}
