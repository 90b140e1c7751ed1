// Reads the value an option states, in the ways banks write them: 100x50, $100 \times 50$,
// (400, 50), (400,), torch.Size([400, 50]), 100 by 50, 60000, 60,000, $60{,}000$, 60 000.

function clean(text: string): string {
  return text
    .replace(/\{,\}/g, ',')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/torch\.Size/g, '')
    .replace(/[$`*_[\]()\u00a0\u202f\u2009]/g, ' ')
    .replace(/\\times|\\cdot|[×·∗]|(?<=\d\s*)\bby\b(?=\s*\d)/g, 'x')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '')
    .trim();
}

const GROUPED = /^\d{1,3}(?:[, ]\d{3})+$/;

function integer(part: string): number | undefined {
  const p = part.trim();
  if (/^\d+$/.test(p)) return Number(p);
  if (GROUPED.test(p)) return Number(p.replace(/[, ]/g, ''));
  return undefined;
}

/** A count such as `60,000`; undefined when the text is not just one whole number. */
export function parseCount(text: string): number | undefined {
  return integer(clean(text));
}

/** A shape such as `100 × 50` or `(400,)`; undefined when the text is not just a shape. */
export function parseShape(text: string): number[] | undefined {
  const t = clean(text);
  if (t === '') return undefined;
  const product = /x/i.test(t);
  const parts = product ? t.split(/\s*x\s*/i) : t.split(/\s*,\s*/);
  // (400,) is how Python prints a 1-D shape
  if (!product && parts.length === 2 && parts[1] === '') parts.pop();
  const dims = parts.map(integer);
  if (dims.some((d) => d === undefined || d < 1)) return undefined;
  return dims as number[];
}
