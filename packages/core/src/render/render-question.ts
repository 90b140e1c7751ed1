import type { Bank } from '../model/bank';
import type { Context } from '../model/context';
import { contextChain } from '../model/context-chain';
import type { NoteKind } from '../model/note';
import type { OptionKey } from '../model/option';
import type { Question } from '../model/question';
import { asksForSeveralPicks, isMultipleChoice } from '../model/several-picks';
import { RenderError } from './render-error';
import { renderInlineMarkdown, renderMarkdown } from './render-markdown';
import type { RenderTarget } from './render-target';

export interface RenderedContext {
  id: string;
  title?: string;
  body: string;
  notes?: string;
}

export interface RenderedQuestion {
  /** The passages the question builds on, oldest first. */
  contexts: RenderedContext[];
  prompt: string;
  options: { key: OptionKey; text: string; pinned: boolean }[];
  answer: OptionKey[];
  /** Several picks allowed (checkboxes, several reactions). */
  multiple: boolean;
  /** Show a "Select all that apply" hint: multiple, and the prompt does not already say so. */
  selectAll: boolean;
  explanation?: string;
  notes: { kind: NoteKind; text: string }[];
}

// A passage is rendered once per target and shared by every question of its chain (the objects are
// the bank's own and treated as immutable, as parsed banks are). Callers get copies.
const renderedContexts = new WeakMap<Context, Partial<Record<RenderTarget, RenderedContext>>>();

function renderContext(c: Context, target: RenderTarget): RenderedContext {
  const byTarget = renderedContexts.get(c) ?? {};
  let rendered = byTarget[target];
  if (rendered === undefined) {
    rendered = { id: c.id, body: renderMarkdown(c.body, target) };
    if (c.title !== undefined) rendered.title = renderInlineMarkdown(c.title, target);
    if (c.notes !== undefined) rendered.notes = renderMarkdown(c.notes, target);
    byTarget[target] = rendered;
    renderedContexts.set(c, byTarget);
  }
  return { ...rendered };
}

/**
 * Everything a player sees of a question, every string rendered for `target`. To show a shuffled
 * question, pass the `question` returned by `shuffleQuestion`.
 */
export function renderQuestion(
  bank: Pick<Bank, 'contexts'>,
  question: Question,
  target: RenderTarget,
): RenderedQuestion {
  try {
    return renderFields(bank, question, target);
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    throw new RenderError(error.code, `question ${question.id}: ${error.message}`);
  }
}

function renderFields(
  bank: Pick<Bank, 'contexts'>,
  question: Question,
  target: RenderTarget,
): RenderedQuestion {
  const multiple = isMultipleChoice(question);
  const contexts = contextChain(bank, question.context).map((c) => renderContext(c, target));
  const rendered: RenderedQuestion = {
    contexts,
    prompt: renderMarkdown(question.prompt, target),
    options: question.options.map((o) => ({
      key: o.key,
      text: renderInlineMarkdown(o.text, target),
      pinned: o.pinned === true,
    })),
    answer: [...question.answer],
    multiple,
    selectAll: multiple && !asksForSeveralPicks(question.prompt),
    notes: (question.notes ?? []).map((n) => ({
      kind: n.kind,
      text: renderMarkdown(n.text, target),
    })),
  };
  if (question.explanation !== undefined) {
    rendered.explanation = renderMarkdown(question.explanation, target);
  }
  return rendered;
}
