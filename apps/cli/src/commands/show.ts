import { defineCommand, print, printError } from '@quizdeck/cli-kit';
import {
  type Bank,
  BankError,
  escapeHtml,
  formatDiagnostic,
  formatFromPath,
  type Question,
  QuizdeckError,
  type RenderedQuestion,
  type RenderTarget,
  RenderTargetSchema,
  renderInlineMarkdown,
  renderQuestion,
} from '@quizdeck/core';
import { explainBankFile } from '../explain';
import { loadBankFile } from '../load-bank';

export class ShowError extends QuizdeckError {}

/**
 * `quizdeck show FILE [--question N|ID] [--as discord|html|text]`: previews a bank's questions as
 * players will see them, with the key, explanation and notes a quizmaster needs.
 */
export default defineCommand({
  meta: { name: 'show', description: 'Preview a bank as players will see it, with the key' },
  args: {
    file: {
      type: 'positional',
      description: 'Bank file (.md, .quiz.yaml, .quiz.json)',
      required: true,
    },
    question: {
      type: 'string',
      alias: 'q',
      description: 'Only this question: its number as printed, its id, or its position (1..)',
    },
    as: { type: 'string', description: 'discord | html | text', default: 'text' },
  },
  async run({ args }) {
    try {
      const { output, warnings } = await showBankFile(args.file, args);
      for (const w of warnings) printError(`${w}\n`);
      print(output);
    } catch (error) {
      // A quiz-markdown bank with errors: show what was understood, so it can be fixed top to bottom.
      if (error instanceof BankError && formatFromPath(args.file) === 'md')
        print((await explainBankFile(args.file)).output);
      throw error;
    }
  },
});

export interface ShowOptions {
  /** A question's id, its number as printed, or its position (1..); all questions when absent. */
  question?: string | undefined;
  as?: string | undefined;
}

/** The preview `quizdeck show` prints, and the bank's warnings as `file:line:col` lines. */
export async function showBankFile(
  file: string,
  opts: ShowOptions = {},
): Promise<{ output: string; warnings: string[] }> {
  const target = RenderTargetSchema.safeParse(opts.as ?? 'text');
  if (!target.success) {
    throw new ShowError('SHOW_TARGET', `--as must be discord, html or text (got "${opts.as}")`);
  }
  const loaded = await loadBankFile(file);
  const questions =
    opts.question === undefined
      ? loaded.bank.questions
      : [pickQuestion(loaded.bank, opts.question, loaded.file)];
  return {
    output: showBank(loaded.bank, questions, target.data),
    warnings: loaded.diagnostics.map(formatDiagnostic),
  };
}

/** Finds a question by id, then by its printed number, then by its position in the bank. */
function pickQuestion(bank: Bank, wanted: string, file: string): Question {
  const w = wanted.trim().replace(/\.$/, '');
  const found =
    bank.questions.find((q) => q.id === w) ??
    bank.questions.find((q) => q.number !== undefined && q.number.replace(/\.$/, '') === w) ??
    (/^\d+$/.test(w) ? bank.questions[Number(w) - 1] : undefined);
  if (found) return found;
  const known = bank.questions.map((q) => (q.number ? `${q.number} (${q.id})` : q.id));
  throw new ShowError(
    'SHOW_NO_QUESTION',
    `${file}: no question "${wanted}"; the bank has ${known.join(', ') || 'no questions'}`,
  );
}

function showBank(bank: Bank, questions: readonly Question[], target: RenderTarget): string {
  // A passage is shown once, before the first question that needs it, as the Discord bot posts it.
  const shown = new Set<string>();
  const blocks = questions.map((q) => {
    const r = renderQuestion(bank, q, target);
    const contexts = r.contexts.filter((c) => !shown.has(c.id));
    for (const c of contexts) shown.add(c.id);
    const label = `${q.number ?? String(bank.questions.indexOf(q) + 1)}`;
    const fresh = { ...r, contexts };
    return target === 'html'
      ? htmlQuestion(fresh, q, label)
      : textQuestion(fresh, q, label, target);
  });
  if (target !== 'html') {
    const title = renderInlineMarkdown(bank.title, target);
    const head = target === 'discord' ? `# ${title}` : `${title}\n${'='.repeat(title.length)}`;
    return `${head}\n\n${blocks.join('\n')}`;
  }
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escapeHtml(bank.title)}</title>`,
    '</head><body>',
    `<h1>${renderInlineMarkdown(bank.title, 'html')}</h1>`,
    ...blocks,
    '</body></html>',
    '',
  ].join('\n');
}

function textQuestion(
  r: RenderedQuestion,
  q: Question,
  label: string,
  target: RenderTarget,
): string {
  const bold = (s: string) => (target === 'discord' ? `**${s}**` : s);
  const lines: string[] = ['─'.repeat(40)];
  for (const c of r.contexts) {
    lines.push(bold(`Passage ${c.id}${c.title ? `: ${c.title}` : ''}`), c.body, '');
    if (c.notes) lines.push(bold('Worked notes'), c.notes, '');
  }
  lines.push(`${bold(`Q${label}.`)} ${r.prompt}`);
  if (r.selectAll)
    lines.push(target === 'discord' ? '*Select all that apply.*' : '(Select all that apply.)');
  for (const o of r.options) lines.push(`${o.key}. ${o.text}${o.pinned ? '  [pinned]' : ''}`);
  lines.push('', `${bold('Key:')} ${r.answer.join(', ')}    (id: ${q.id})`);
  if (r.explanation) lines.push(`${bold('Explanation:')} ${r.explanation}`);
  for (const n of r.notes)
    lines.push(`${bold(n.kind === 'dispute' ? 'Dispute:' : 'Comment:')} ${n.text}`);
  return `${lines.join('\n')}\n`;
}

function htmlQuestion(r: RenderedQuestion, q: Question, label: string): string {
  const parts: string[] = [];
  for (const c of r.contexts) {
    parts.push(`<section class="context" id="context-${escapeHtml(c.id)}">`);
    if (c.title) parts.push(`<h2>${c.title}</h2>`);
    parts.push(c.body);
    if (c.notes)
      parts.push(`<details class="notes"><summary>Worked notes</summary>${c.notes}</details>`);
    parts.push('</section>');
  }
  parts.push(`<section class="question" id="question-${escapeHtml(q.id)}">`);
  parts.push(`<h3>Q${escapeHtml(label)}</h3>`, r.prompt);
  if (r.selectAll) parts.push('<p class="select-all">Select all that apply.</p>');
  parts.push(`<ol class="options" type="A">`);
  for (const o of r.options) {
    const classes = [r.answer.includes(o.key) ? 'key' : '', o.pinned ? 'pinned' : ''].filter(
      Boolean,
    );
    const cls = classes.length ? ` class="${classes.join(' ')}"` : '';
    parts.push(`<li${cls}>${o.text}</li>`);
  }
  parts.push('</ol>', `<p class="answer">Key: ${escapeHtml(r.answer.join(', '))}</p>`);
  if (r.explanation) parts.push(`<div class="explanation">${r.explanation}</div>`);
  for (const n of r.notes) parts.push(`<div class="note ${n.kind}">${n.text}</div>`);
  parts.push('</section>');
  return parts.join('\n');
}
