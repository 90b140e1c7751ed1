import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainMarkdown } from '../src/formats/markdown/explain';
import { parseBank } from '../src/index';
import { droppedLines } from './dropped-lines';

// Quizzes in mixed styles with what they mean: see corpus/README.md for the expected-JSON shape.
const dir = fileURLToPath(new URL('corpus/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
const ready = files.filter((f) => readdirSync(dir).includes(f.replace(/\.md$/, '.expected.json')));

interface ExpectedQuestion {
  number: string;
  prompt: string;
  error?: boolean;
  lines?: [number, number];
  options?: Record<string, string>;
  answer?: string[];
  multiple?: boolean;
  context?: number | null;
  pinned?: string[];
  explanation?: string;
  notes?: { kind: string; text: string }[];
}
interface Expected {
  title: string;
  description?: string;
  diagnostics?: { severity: 'error' | 'warning'; line: number }[];
  questions: ExpectedQuestion[];
  contexts?: { body: string; title?: string; continues: number | null; notes?: string }[];
}

const squash = (s: string | undefined) =>
  s === undefined ? undefined : s.replace(/\s+/g, ' ').trim();

describe('corpus', () => {
  it('holds at least 12 quizzes, each with its expectation', () => {
    expect(ready.length).toBeGreaterThanOrEqual(12);
    // An expectation without its quiz would be skipped without a word.
    const orphans = readdirSync(dir).filter(
      (f) => f.endsWith('.expected.json') && !files.includes(f.replace(/\.expected\.json$/, '.md')),
    );
    expect(orphans).toEqual([]);
  });

  describe.each(ready)('%s', (file) => {
    const text = readFileSync(`${dir}${file}`, 'utf8');
    const expected = JSON.parse(
      readFileSync(`${dir}${file.replace(/\.md$/, '.expected.json')}`, 'utf8'),
    ) as Expected;
    const x = explainMarkdown(text, file);
    const contexts = x.contexts;
    const errors = x.diagnostics.filter((d) => d.severity === 'error');

    it('has the title and description', () => {
      expect(x.bank.title).toBe(expected.title);
      expect(squash(x.bank.description)).toBe(squash(expected.description));
    });

    it('reads every question as meant', () => {
      const got = x.questions.map((q, i) => {
        const e = expected.questions[i];
        const f = q.fields;
        const summary: ExpectedQuestion = {
          number: String(f.number),
          prompt: squash(String(f.prompt)) ?? '',
        };
        if (e?.error) return { ...summary, error: q.broken };
        const options = (f.options ?? []) as { key: string; text: string; pinned?: boolean }[];
        const ctx = contexts.findIndex((c) => c.id === f.context);
        return {
          ...summary,
          options: Object.fromEntries(options.map((o) => [o.key, squash(o.text)])),
          answer: [...((f.answer ?? []) as string[])].sort(),
          multiple: f.multiple,
          context: ctx === -1 ? null : ctx,
          ...(options.some((o) => o.pinned)
            ? { pinned: options.filter((o) => o.pinned).map((o) => o.key) }
            : {}),
          ...(f.explanation !== undefined ? { explanation: squash(String(f.explanation)) } : {}),
          ...(Array.isArray(f.notes) && f.notes.length > 0
            ? {
                notes: (f.notes as { kind: string; text: string }[]).map((n) => ({
                  kind: n.kind,
                  text: squash(n.text),
                })),
              }
            : {}),
        };
      });
      const want = expected.questions.map((e) => {
        if (e.error) return { number: e.number, prompt: squash(e.prompt), error: true };
        const { lines: _l, ...rest } = e;
        return {
          ...rest,
          prompt: squash(e.prompt),
          options: Object.fromEntries(
            Object.entries(e.options ?? {}).map(([k, v]) => [k, squash(v)]),
          ),
          ...(e.explanation !== undefined ? { explanation: squash(e.explanation) } : {}),
          ...(e.notes
            ? { notes: e.notes.map((n) => ({ kind: n.kind, text: squash(n.text) })) }
            : {}),
        };
      });
      expect(got).toEqual(want);
    });

    it('finds the passages', () => {
      const got = contexts.map((c) => ({
        body: squash(c.body),
        ...(c.title !== undefined ? { title: squash(c.title) } : {}),
        continues:
          c.continues === undefined ? null : contexts.findIndex((d) => d.id === c.continues),
        ...(c.notes !== undefined ? { notes: squash(c.notes) } : {}),
      }));
      const want = (expected.contexts ?? []).map((c) => ({
        ...c,
        body: squash(c.body),
        ...(c.title !== undefined ? { title: squash(c.title) } : {}),
        ...(c.notes !== undefined ? { notes: squash(c.notes) } : {}),
      }));
      expect(got).toEqual(want);
    });

    it('reports what it must, at its line, and no other error', () => {
      const listed = expected.diagnostics ?? [];
      for (const d of listed) {
        const found = x.diagnostics.some((g) => g.severity === d.severity && g.line === d.line);
        expect(found, `${d.severity} at line ${d.line}: ${JSON.stringify(x.diagnostics)}`).toBe(
          true,
        );
      }
      const allowed = (line: number) =>
        listed.some((d) => d.severity === 'error' && d.line === line) ||
        expected.questions.some(
          (q) => q.error && q.lines !== undefined && line >= q.lines[0] && line <= q.lines[1],
        );
      expect(errors.filter((d) => !allowed(d.line))).toEqual([]);
      if (errors.length === 0) expect(parseBank(text, { file, format: 'md' }).bank).toBeDefined();
    });

    it('keeps broken questions apart from their neighbours', () => {
      expected.questions.forEach((e, i) => {
        if (!e.error) return;
        for (const k of [i - 1, i + 1]) {
          const n = x.questions[k];
          if (n === undefined) continue;
          expect(JSON.stringify(n.fields)).not.toContain(squash(e.prompt)?.slice(0, 40));
        }
      });
    });

    it('puts every non-blank line in a field or a diagnostic', () => {
      expect(droppedLines(text, x)).toEqual([]);
    });
  });
});
