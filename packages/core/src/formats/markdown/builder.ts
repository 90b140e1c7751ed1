import type { Diagnostic } from '../../model/diagnostic';
import type { Annotation } from './annotations';
import type { ItemIssue } from './items';

export interface DraftContext {
  id: string;
  title?: string;
  body: string;
  notes?: string;
  continues?: string;
  /** True when a comment set (or cleared, with null) `continues`. */
  continuesSet: boolean;
  line: number;
  /** Level of the heading that titles it; 7 when untitled (any section heading ends it). */
  level: number;
  /** A range it states: printed question numbers, or a count of the questions that follow. */
  range?: { from: number; to: number } | { count: number };
}

export interface DraftQuestion {
  fields: Record<string, unknown>;
  label: string;
  line: number;
  col: number;
  /** 0-based last line of its block. */
  end: number;
  optionLines: number[];
  /** The importer already reported an error for it: model issues would repeat it. */
  flagged: boolean;
}

/** Shared state of one quiz-markdown import. Lines are 0-based inside, 1-based in diagnostics. */
export class Builder {
  readonly diagnostics: Diagnostic[] = [];
  readonly contexts: DraftContext[] = [];
  readonly questions: DraftQuestion[] = [];
  /** For each input line, the field its text went to ("prompt", "option B", "passage body" …). */
  readonly fieldOf: (string | undefined)[];

  constructor(
    readonly file: string,
    readonly lines: readonly string[],
  ) {
    this.fieldOf = new Array(lines.length);
  }

  report(
    severity: 'error' | 'warning',
    index: number,
    code: string,
    message: string,
    col = 1,
  ): void {
    this.diagnostics.push({ file: this.file, line: index + 1, col, severity, code, message });
  }

  /** Records that lines[from..to] (inclusive) went to `field`. */
  place(from: number, to: number, field: string): void {
    for (let i = from; i <= to && i < this.lines.length; i++) this.fieldOf[i] = field;
  }

  /** Reports broken quizdeck comments; the lines each one took are its field. True if any. */
  reportCommentIssues(issues: readonly ItemIssue[]): boolean {
    for (const issue of issues) {
      this.report('error', issue.line, 'annotation', issue.message);
      this.place(issue.line, issue.end, 'broken quizdeck comment');
    }
    return issues.length > 0;
  }

  /** Warns about keys a comment may not set here; returns the known ones. */
  pick(annotation: Annotation, allowed: readonly string[], where: string): Record<string, unknown> {
    this.place(annotation.start, annotation.end, 'quizdeck comment');
    const out: Record<string, unknown> = {};
    const { data } = annotation;
    for (const key of Object.keys(data)) {
      if (allowed.includes(key)) out[key] = data[key];
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
