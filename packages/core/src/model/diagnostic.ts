import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A problem found in a bank, pointing at file:line:col where there is one. */
export const DiagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  col: z.number().int().min(1),
  severity: SeveritySchema,
  code: z.string(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}
