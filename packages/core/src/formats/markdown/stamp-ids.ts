import type { Diagnostic } from '../../model/diagnostic';
import { opensAnnotation, readAnnotation } from './annotations';
import { explainMarkdown, type MarkdownExplanation } from './explain';

// `quizdeck ids --write`: gives every question of a quiz-markdown bank that has only its positional
// id (`q<number>`, which moves when a question is inserted) an id of its own, written into the
// author's file as `<!-- quizdeck: {id: …} -->`. Everything else in the file stays byte for byte.

/** One id to write: on the question numbered `number` at `line` (1-based, before any insertion). */
export interface IdStamp {
  number: string | undefined;
  line: number;
  /** The positional id the question has until then. */
  was: string;
  id: string;
  /** A new annotation line after the question's numbered line, or into its one-line annotation. */
  how: 'inserted' | 'merged';
}

export type StampResult =
  | { ok: true; text: string; stamps: IdStamp[] }
  | { ok: false; diagnostics: Diagnostic[] };

const STOP_WORDS = new Set(
  'a an the of to in on for and or is are was were be by with as at from that this these those which what who whom whose how why when where does do did can could would should will following if we you i it its our your there have has'.split(
    ' ',
  ),
);
// Names YAML would read as something other than a string, and plain numbers.
const NOT_A_STRING = /^(?:\d.*|true|false|null|yes|no|on|off|y|n|nan|inf)$/;

/** A short lowercase slug of a prompt: its first few words that say something. */
export function promptSlug(prompt: string, maxLength = 40): string {
  const words = prompt
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  const chosen = meaningful.length > 0 ? meaningful : words;
  let slug = '';
  for (const w of chosen) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > maxLength) break;
    slug = next;
    if (slug.split('-').length >= 6) break;
  }
  if (slug === '' && chosen[0]) slug = chosen[0].slice(0, maxLength);
  return slug === '' || NOT_A_STRING.test(slug) ? `q-${slug || 'question'}` : slug;
}

interface QuestionAnnotations {
  /** Its own annotations' first lines (0-based), and whether one of them gives an id. */
  own: number[];
  hasId: boolean;
}

/** The annotations that belong to a question (not to a passage after it), read by the importer. */
function annotationsOf(
  lines: readonly string[],
  fields: MarkdownExplanation['fields'],
  from: number,
  to: number,
): QuestionAnnotations {
  const out: QuestionAnnotations = { own: [], hasId: false };
  for (let i = from; i <= to; i++) {
    if (fields[i] !== 'quizdeck comment' || !opensAnnotation(lines[i] ?? '')) continue;
    const read = readAnnotation(lines, i);
    if (!('annotation' in read)) continue;
    let next = read.annotation.end + 1;
    while (next <= to && fields[next] === undefined) next++;
    if ((fields[next] ?? '').startsWith('passage')) continue;
    out.own.push(i);
    if ('id' in read.annotation.data) out.hasId = true;
  }
  return out;
}

export interface StampOptions {
  /**
   * Write each question's current positional id (`q3`) instead of a slug: for a bank already in
   * members' Anki collections, whose notes are keyed by these ids and keep their history.
   */
  keepPositional?: boolean;
}

/** Which questions need an id, and the id each gets, in bank order; or why none can be given. */
export function planIds(
  text: string,
  file: string,
  options: StampOptions = {},
): { stamps: IdStamp[] } | { diagnostics: Diagnostic[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const explained = explainMarkdown(body, file);
  const errors = explained.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { diagnostics: errors };
  const lines = body.split(/\r?\n/);
  const taken = new Set<string>();
  const needing: { q: MarkdownExplanation['questions'][number]; own: number[] }[] = [];
  for (const q of explained.questions) {
    const a = annotationsOf(lines, explained.fields, q.line - 1, q.end - 1);
    if (a.hasId) taken.add(String(q.fields.id));
    else needing.push({ q, own: a.own });
  }
  const stamps = needing.map(({ q, own }) => {
    const base = options.keepPositional
      ? String(q.fields.id)
      : promptSlug(String(q.fields.prompt ?? ''));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    const merge = own.find((i) => /^\s*<!--\s*quizdeck:\s*\{.*\}\s*-->\s*$/.test(lines[i] ?? ''));
    return {
      number: typeof q.fields.number === 'string' ? q.fields.number : undefined,
      line: merge === undefined ? q.line : merge + 1,
      was: String(q.fields.id),
      id,
      how: merge === undefined ? ('inserted' as const) : ('merged' as const),
    };
  });
  return { stamps };
}

/** Offsets where each line starts; line k (1-based) is text[starts[k-1], starts[k]). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Writes the planned ids into the text, touching no other byte. */
function applyStamps(text: string, stamps: readonly IdStamp[]): string {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const starts = lineStarts(text);
  const eolOf = (line: number) => {
    const end = starts[line];
    if (end === undefined) return undefined;
    return text[end - 2] === '\r' ? '\r\n' : '\n';
  };
  const fileEol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: { at: number; insert: string }[] = [];
  for (const s of stamps) {
    const start = (starts[s.line - 1] ?? 0) + (s.line === 1 ? bom : 0);
    if (s.how === 'merged') {
      const open = text.indexOf('{', start);
      const empty = /^\{\s*\}/.test(text.slice(open));
      edits.push({ at: open + 1, insert: empty ? `id: ${s.id}` : `id: ${s.id}, ` });
      continue;
    }
    const own = text.slice(start, starts[s.line] ?? text.length);
    const indent = /^[ \t]*/.exec(own)?.[0] ?? '';
    const annotation = `${indent}<!-- quizdeck: {id: ${s.id}} -->`;
    const eol = eolOf(s.line);
    if (eol === undefined) edits.push({ at: text.length, insert: `${fileEol}${annotation}` });
    else edits.push({ at: starts[s.line] ?? text.length, insert: `${annotation}${eol}` });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at))
    out = out.slice(0, e.at) + e.insert + out.slice(e.at);
  return out;
}

/**
 * Stamps an id on every question of a quiz-markdown text that has none of its own. The result is
 * checked by importing it again: the same questions, each stamped one with its new id, every other
 * id unchanged and no new problem; otherwise nothing is written and the reason comes back.
 */
export function stampIds(text: string, file: string, options: StampOptions = {}): StampResult {
  const plan = planIds(text, file, options);
  if ('diagnostics' in plan) return { ok: false, diagnostics: plan.diagnostics };
  if (plan.stamps.length === 0) return { ok: true, text, stamps: [] };
  const before = explainMarkdown(text.replace(/^\uFEFF/, ''), file);
  const stamped = applyStamps(text, plan.stamps);
  const after = explainMarkdown(stamped.replace(/^\uFEFF/, ''), file);
  const byWas = new Map(plan.stamps.map((s) => [s.was, s.id]));
  const want = before.questions.map((q) => byWas.get(String(q.fields.id)) ?? String(q.fields.id));
  const got = after.questions.map((q) => String(q.fields.id));
  const problems = (e: MarkdownExplanation) =>
    e.diagnostics
      .map((d) => `${d.severity} ${d.code} ${d.message}`)
      .sort()
      .join('\n');
  const mismatch = want.findIndex((id, i) => got[i] !== id);
  if (got.length !== want.length || mismatch !== -1 || problems(before) !== problems(after)) {
    const q = before.questions[Math.max(mismatch, 0)];
    return {
      ok: false,
      diagnostics: [
        {
          file,
          line: q?.line ?? 1,
          col: 1,
          severity: 'error',
          code: 'ids-unsafe',
          message: `cannot stamp ids safely here (the bank would read differently with them); add <!-- quizdeck: {id: …} --> by hand`,
        },
      ],
    };
  }
  return { ok: true, text: stamped, stamps: plan.stamps };
}
