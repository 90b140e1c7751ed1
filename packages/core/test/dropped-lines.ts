import type { MarkdownExplanation } from '../src/formats/markdown/explain';

/** Non-blank lines that ended in no field and in no diagnostic at their line. */
export function droppedLines(text: string, x: MarkdownExplanation): string[] {
  const reported = new Set(x.diagnostics.map((d) => d.line));
  return text
    .split(/\r?\n/)
    .flatMap((line, i) =>
      line.trim() === '' || x.fields[i] !== undefined || reported.has(i + 1)
        ? []
        : [`${i + 1}: ${line}`],
    );
}
