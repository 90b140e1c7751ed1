import type { Diagnostic } from '../../model/diagnostic';
import type { Annotation } from './annotations';

export interface DraftContext {
  id: string;
  title?: string;
  body: string;
  notes?: string;
  continues?: string;
  /** True when a comment set (or cleared, with null) `continues`. */
  continuesSet: boolean;
  line: number;
}

export interface DraftQuestion {
  fields: Record<string, unknown>;
  label: string;
  line: number;
  col: number;
  optionLines: number[];
  /** The importer already reported an error for it: model issues would repeat it. */
  flagged: boolean;
}

/** Shared state of one quiz-markdown import. Lines are 0-based inside, 1-based in diagnostics. */
export class Builder {
  readonly diagnostics: Diagnostic[] = [];
  readonly contexts: DraftContext[] = [];
  readonly questions: DraftQuestion[] = [];
  currentContext: string | undefined;

  constructor(
    readonly file: string,
    readonly lines: readonly string[],
  ) {}

  report(
    severity: 'error' | 'warning',
    index: number,
    code: string,
    message: string,
    col = 1,
  ): void {
    this.diagnostics.push({ file: this.file, line: index + 1, col, severity, code, message });
  }

  /** Warns about keys a comment may not set here; returns the known ones. */
  pick(annotation: Annotation, allowed: readonly string[], where: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(annotation.data)) {
      if (allowed.includes(key)) out[key] = value;
      else {
        this.report(
          'warning',
          annotation.start,
          'annotation-key',
          `unknown key "${key}" in a quizdeck comment for ${where} (known: ${allowed.join(', ')})`,
        );
      }
    }
    return out;
  }
}
