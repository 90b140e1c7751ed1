import { type Diagnostic, formatDiagnostic } from './diagnostic';

/** Base class: every quizdeck error has a stable `code` and a readable message. */
export class QuizdeckError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A bank that failed to load; carries every diagnostic, not just the first. */
export class BankError extends QuizdeckError {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super('BANK_INVALID', errors.map(formatDiagnostic).join('\n') || 'invalid bank');
    this.diagnostics = diagnostics;
  }
}
