import { modelDiagnostics } from '../model-issues';
import type { ParseResult } from '../parse-result';
import { validateBank } from '../validate-bank';
import type { MarkdownImport } from './import-markdown';

const sortByLine = <T extends { line: number; col: number }>(ds: T[]) =>
  ds.sort((a, b) => a.line - b.line || a.col - b.col);

/** Validates an import against the bank model; model issues point at the source lines. */
export function validateImport(imp: MarkdownImport, file: string): ParseResult {
  const { candidate, builder, locations, bankLine } = imp;
  const diagnostics = builder.diagnostics;
  const parsed = validateBank(candidate);
  if (parsed.success) {
    const failed = diagnostics.some((d) => d.severity === 'error');
    return {
      bank: failed ? undefined : parsed.data,
      diagnostics: sortByLine([...diagnostics]),
      locations,
    };
  }
  const model = modelDiagnostics(parsed.error, file, (path) => {
    const [section, i, field, j] = path;
    if (section === 'questions' && typeof i === 'number') {
      const q = builder.questions[i];
      if (!q) return undefined;
      const optionLine =
        field === 'options' && typeof j === 'number' ? q.optionLines[j] : undefined;
      return {
        at:
          optionLine !== undefined
            ? { line: optionLine + 1, col: 1 }
            : { line: q.line + 1, col: q.col },
        where: q.label,
      };
    }
    if (section === 'contexts' && typeof i === 'number') {
      const c = builder.contexts[i];
      return c ? { at: { line: c.line + 1, col: 1 }, where: `passage "${c.id}"` } : undefined;
    }
    return { at: { line: bankLine, col: 1 }, where: `bank ${String(section ?? '')}`.trim() };
  }).filter((_d, k) => {
    const [section, i] = parsed.error.issues[k]?.path ?? [];
    return !(section === 'questions' && typeof i === 'number' && builder.questions[i]?.flagged);
  });
  return { bank: undefined, diagnostics: sortByLine([...diagnostics, ...model]), locations };
}
