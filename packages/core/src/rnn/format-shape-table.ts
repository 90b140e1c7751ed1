import type { ShapeReport } from './compute-shapes';
import type { Convention } from './shape-spec';

const CONVENTION_NOTE: Record<Convention, string> = {
  textbook: 'textbook (column vectors: W_xh is hidden × input, one bias per gate)',
  pytorch: 'pytorch (weight_ih_l{k} is gates·hidden × in_k; bias_ih and bias_hh)',
  keras: 'keras (kernel is in × gates·units; one bias)',
};

/** A shape as the convention prints it: `100 × 50` (textbook) or `(400, 50)` / `(400,)`. */
export function formatShape(shape: readonly number[], convention: Convention): string {
  if (convention === 'textbook') return shape.join(' × ');
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** 60000 → "60,000" (toLocaleString is slow enough to matter when generating 40,000 drills). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Plain-text table: name, shape, params per tensor, then totals and the convention used. */
export function formatShapeTable(report: ShapeReport): string {
  const rows = report.tensors.map((t) => [
    t.name,
    formatShape(t.shape, report.convention),
    formatCount(t.params),
    t.role,
  ]);
  const head = ['name', 'shape', 'params', 'holds'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [
    `convention: ${CONVENTION_NOTE[report.convention]}`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ];
  const { recurrent, output, totals } = report;
  if (output) {
    out.push(
      `recurrent: ${formatCount(recurrent.params)} params (${formatCount(recurrent.weights)} weights + ${formatCount(recurrent.biases)} biases)`,
      `output:    ${formatCount(output.params)} params (${formatCount(output.weights)} weights + ${formatCount(output.biases)} biases)`,
    );
  }
  out.push(
    `total:     ${formatCount(totals.params)} params (${formatCount(totals.weights)} weights + ${formatCount(totals.biases)} biases)`,
  );
  return `${out.join('\n')}\n`;
}
