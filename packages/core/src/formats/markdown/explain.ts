import type { Diagnostic } from '../../model/diagnostic';
import { decodeBank } from '../decode';
import { importMarkdown } from './import-markdown';
import { validateImport } from './validate-import';

export interface ExplainedQuestion {
  /** Position in the file, 1-based. */
  index: number;
  /** 1-based first and last line of its block. */
  line: number;
  end: number;
  fields: Record<string, unknown>;
  /** It cannot enter the bank (an error at one of its lines). */
  broken: boolean;
}

export interface ExplainedContext {
  id: string;
  title?: string;
  body: string;
  notes?: string;
  continues?: string;
  line: number;
}

export interface MarkdownExplanation {
  bank: { id: string; title: string; description?: string };
  questions: ExplainedQuestion[];
  contexts: ExplainedContext[];
  diagnostics: Diagnostic[];
  /** For each input line (index 0 is line 1), the field its text went to. */
  fields: (string | undefined)[];
  /** The input's lines as read. */
  lines: readonly string[];
}

/** What the importer understood of a quiz-markdown file, question by question, even when broken. */
export function explainMarkdown(input: string | Uint8Array, file: string): MarkdownExplanation {
  const decoded = decodeBank(input, file);
  if (decoded.text === undefined) {
    return {
      bank: { id: '', title: '' },
      questions: [],
      contexts: [],
      diagnostics: decoded.diagnostics,
      fields: [],
      lines: [],
    };
  }
  const imp = importMarkdown(decoded.text, file);
  const { diagnostics } = validateImport(imp, file);
  const { candidate, builder } = imp;
  const questions = builder.questions.map((q, i) => {
    const line = q.line + 1;
    const end = q.end + 1;
    const broken =
      q.flagged ||
      diagnostics.some((d) => d.severity === 'error' && d.line >= line && d.line <= end);
    return { index: i + 1, line, end, fields: q.fields, broken };
  });
  return {
    bank: {
      id: String(candidate.id),
      title: String(candidate.title),
      ...(typeof candidate.description === 'string' ? { description: candidate.description } : {}),
    },
    questions,
    contexts: builder.contexts.map((c) => ({
      id: c.id,
      ...(c.title !== undefined ? { title: c.title } : {}),
      body: c.body,
      ...(c.notes !== undefined ? { notes: c.notes } : {}),
      ...(c.continues !== undefined ? { continues: c.continues } : {}),
      line: c.line + 1,
    })),
    diagnostics,
    fields: [...builder.fieldOf],
    lines: builder.lines,
  };
}
