import { formatDiagnostic } from '../../model/diagnostic';
import { CONTROL_CHARACTERS } from '../../render/control-characters';
import type { ExplainedContext, MarkdownExplanation } from './explain';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const clean = (s: string) => s.replace(CONTROL_CHARACTERS, '');
const short = (s: string, n = 60) => {
  const one = clean(s).replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

function chainOf(contexts: readonly ExplainedContext[], id: unknown): string {
  const byId = new Map(contexts.map((c) => [c.id, c]));
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let at = typeof id === 'string' ? id : undefined; at !== undefined && !seen.has(at); ) {
    seen.add(at);
    chain.unshift(at);
    at = byId.get(at)?.continues;
  }
  return chain.length > 0 ? chain.join(' → ') : 'none';
}

/**
 * `quizdeck check --explain`: for every question its number, id, key, multiple, pinned options,
 * context chain and notes by kind, then each input line with the field it went to, diagnostics
 * inline at their lines. Control characters in the bank's text are removed.
 */
export function formatExplanation(x: MarkdownExplanation): string {
  const out: string[] = [];
  const width = String(x.lines.length).length;
  const byLine = new Map<number, string[]>();
  for (const d of x.diagnostics) {
    const list = byLine.get(d.line) ?? [];
    list.push(`${d.severity}: ${clean(d.message)}`);
    byLine.set(d.line, list);
  }
  const errors = x.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = x.diagnostics.length - errors;
  if (x.lines.length === 0) return `${x.diagnostics.map(formatDiagnostic).map(clean).join('\n')}\n`;
  out.push(
    `bank ${clean(x.bank.id)}: "${short(x.bank.title)}"${x.bank.description ? `, description "${short(x.bank.description)}"` : ''}`,
    [
      plural(x.questions.length, 'question'),
      plural(x.contexts.length, 'passage'),
      plural(errors, 'error'),
      plural(warnings, 'warning'),
    ].join(', '),
  );
  for (const c of x.contexts)
    out.push(
      `passage ${clean(c.id)} (line ${c.line})${c.title ? ` "${short(c.title)}"` : ''}${c.continues ? `, continues ${clean(c.continues)}` : ''}: ${short(c.body, 50)}`,
    );
  const lineRow = (i: number) => {
    const field = x.fields[i] ?? (x.lines[i]?.trim() === '' ? '' : '(no field)');
    const rows = [
      `  ${String(i + 1).padStart(width)}  ${field.padEnd(22)} │ ${clean(x.lines[i] ?? '')}`,
    ];
    for (const m of byLine.get(i + 1) ?? [])
      rows.push(`  ${' '.repeat(width)}  ${'!'.padEnd(22)} │ ${m}`);
    return rows;
  };
  let next = 0;
  const upTo = (end: number) => {
    for (; next < end && next < x.lines.length; next++) out.push(...lineRow(next));
  };
  for (const q of x.questions) {
    upTo(q.line - 1);
    const f = q.fields;
    const options = Array.isArray(f.options)
      ? (f.options as { key: string; pinned?: boolean }[])
      : [];
    const notes = Array.isArray(f.notes) ? (f.notes as { kind: string }[]) : [];
    const count = (kind: string) => notes.filter((n) => n.kind === kind).length;
    const answer = Array.isArray(f.answer) ? (f.answer as string[]) : [];
    out.push(
      '',
      `── Q${clean(String(f.number ?? q.index))}  id ${clean(String(f.id))}  (lines ${q.line}–${q.end})${q.broken ? '  NOT PLAYABLE' : ''}`,
      `   key: ${answer.join(', ') || 'none'}   multiple: ${f.multiple === true ? 'yes' : 'no'}   pinned: ${
        options
          .filter((o) => o.pinned)
          .map((o) => o.key)
          .join(', ') || 'none'
      }`,
      `   context: ${chainOf(x.contexts, f.context)}   notes: ${count('dispute')} dispute, ${count('comment')} comment${f.explanation !== undefined ? ', explanation' : ''}`,
    );
    upTo(q.end);
  }
  if (next < x.lines.length) out.push('');
  upTo(x.lines.length);
  return `${out.join('\n')}\n`;
}
