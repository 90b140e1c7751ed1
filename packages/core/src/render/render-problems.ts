import type { Bank } from '../model/bank';
import type { Context } from '../model/context';
import { contextChain } from '../model/context-chain';
import type { Diagnostic } from '../model/diagnostic';
import type { Question } from '../model/question';
import { inlineMarkdownToDiscord, markdownToDiscord } from './discord';
import { inlineMarkdownToHtml, markdownToHtml } from './html';
import { collectTexProblems } from './html-safety';
import type { RenderTarget } from './render-target';
import { inlineMarkdownToText, markdownToText } from './text';

export interface RenderProblem {
  /** The field: `prompt`, `option B`, `explanation`, `dispute 1`, `passage "mri" body`, … */
  field: string;
  code: string;
  message: string;
  /** The target that cannot render the field; absent for TeX only refused in HTML. */
  target?: RenderTarget;
}

type Field = { field: string; text: string; inline: boolean };

const RENDERERS: Record<
  RenderTarget,
  [block: (s: string) => string, inline: (s: string) => string]
> = {
  html: [markdownToHtml, inlineMarkdownToHtml],
  discord: [markdownToDiscord, inlineMarkdownToDiscord],
  text: [markdownToText, inlineMarkdownToText],
};
const TARGETS = Object.keys(RENDERERS) as RenderTarget[];

function fieldProblems(f: Field, targets: readonly RenderTarget[]): RenderProblem[] {
  const out: RenderProblem[] = [];
  const seen = new Set<string>();
  const add = (p: RenderProblem) => {
    if (seen.has(p.message)) return;
    seen.add(p.message);
    out.push(p);
  };
  for (const target of targets) {
    const render = RENDERERS[target][f.inline ? 1 : 0];
    try {
      const { problems } = collectTexProblems(() => render(f.text));
      for (const p of problems) add({ field: f.field, ...p });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const why = error instanceof Error ? error.message : String(error);
      add({
        field: f.field,
        target,
        code: typeof code === 'string' ? code : 'render',
        message: why,
      });
    }
  }
  return out;
}

function questionFields(q: Question): Field[] {
  return [
    { field: 'prompt', text: q.prompt, inline: false },
    ...q.options.map((o) => ({ field: `option ${o.key}`, text: o.text, inline: true })),
    ...(q.explanation === undefined
      ? []
      : [{ field: 'explanation', text: q.explanation, inline: false }]),
    ...(q.notes ?? []).map((n, i) => ({
      field: `${n.kind} ${i + 1}`,
      text: n.text,
      inline: false,
    })),
  ];
}

function contextFields(c: Context): Field[] {
  const at = `passage "${c.id}"`;
  return [
    ...(c.title === undefined ? [] : [{ field: `${at} title`, text: c.title, inline: true }]),
    { field: `${at} body`, text: c.body, inline: false },
    ...(c.notes === undefined ? [] : [{ field: `${at} notes`, text: c.notes, inline: false }]),
  ];
}

/**
 * Every reason a question (with the passages it builds on) cannot be shown as written: TeX outside
 * the allow-list (shown as code in HTML instead) and text a renderer cannot render at all.
 */
export function questionRenderProblems(
  bank: Pick<Bank, 'contexts'>,
  question: Question,
  targets: readonly RenderTarget[] = TARGETS,
): RenderProblem[] {
  let chain: Context[] = [];
  try {
    chain = contextChain(bank, question.context);
  } catch {
    // An unknown passage is the model's error, reported by the parser.
  }
  const fields = [...chain.flatMap(contextFields), ...questionFields(question)];
  return fields.flatMap((f) => fieldProblems(f, targets));
}

/**
 * Why `target` cannot render this question at all (the Discord bot skips it with this reason), or
 * undefined when it can. Refused TeX is not such a reason: it is shown as code.
 */
export function unrenderableReason(
  bank: Pick<Bank, 'contexts'>,
  question: Question,
  target: RenderTarget,
): string | undefined {
  const p = questionRenderProblems(bank, question, [target]).find((x) => x.target === target);
  return p === undefined ? undefined : `${p.field}: ${p.message}`;
}

/**
 * `check`'s errors for text that cannot be shown as written, at the line of the question or
 * passage (each passage once, not once per question that builds on it).
 */
export function renderDiagnostics(
  bank: Bank,
  locations: {
    questions: Record<string, { line: number; col: number }>;
    contexts: Record<string, { line: number; col: number }>;
  },
  file: string,
): Diagnostic[] {
  const diagnostic = (
    at: { line: number; col: number } | undefined,
    where: string,
    p: RenderProblem,
  ): Diagnostic => ({
    file,
    line: at?.line ?? 1,
    col: at?.col ?? 1,
    severity: 'error',
    code: p.code,
    message: `${where}${p.field}: ${p.message}`,
  });
  const out: Diagnostic[] = [];
  for (const p of fieldProblems({ field: 'bank title', text: bank.title, inline: true }, TARGETS))
    out.push(diagnostic({ line: 1, col: 1 }, '', p));
  for (const c of bank.contexts)
    for (const f of contextFields(c))
      for (const p of fieldProblems(f, TARGETS))
        out.push(diagnostic(locations.contexts[c.id], '', p));
  for (const q of bank.questions)
    for (const f of questionFields(q))
      for (const p of fieldProblems(f, TARGETS))
        out.push(diagnostic(locations.questions[q.id], `question ${q.number ?? q.id} `, p));
  return out;
}
