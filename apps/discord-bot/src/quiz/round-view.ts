import {
  type Bank,
  type Question,
  type RenderedQuestion,
  renderQuestion,
  shuffleQuestion,
} from '@quizdeck/core';
import type { RoundRow, SessionRow } from '../db/rows';
import { imagesAsText } from '../discord/question-images';

export interface RoundView {
  /** The question as shown: options relabelled when the session shuffles. */
  question: Question;
  rendered: RenderedQuestion;
  letters: string[];
  /** Shown letter → the bank's letter, when shuffled (explanations quote the bank's letters). */
  toOriginal: Record<string, string> | undefined;
}

/** The question of a round as members see it; the same seed always gives the same letters. */
export function roundView(bank: Bank, session: SessionRow, round: RoundRow): RoundView | undefined {
  const original = bank.questions.find((q) => q.id === round.questionId);
  if (!original) return undefined;
  return questionView(bank, original, session.shuffle ? round.seed : undefined);
}

/** A question as members see it, its options shuffled by `seed` when there is one. */
export function questionView(bank: Bank, original: Question, seed?: string): RoundView {
  const shuffled = seed === undefined ? undefined : shuffleQuestion(original, seed);
  const question = shuffled?.question ?? original;
  return {
    question,
    toOriginal: shuffled?.toOriginal,
    rendered: withImageText(renderQuestion(bank, question, 'discord')),
    letters: question.options.map((o) => o.key),
  };
}

/** Context ids (with their `continues` chain) already shown earlier in the session. */
export function contextsShownBefore(bank: Bank, session: SessionRow, idx: number): Set<string> {
  const byId = new Map(bank.contexts.map((c) => [c.id, c]));
  const shown = new Set<string>();
  for (const id of session.questionIds.slice(0, idx)) {
    let ctx = bank.questions.find((q) => q.id === id)?.context;
    while (ctx !== undefined && !shown.has(ctx)) {
      shown.add(ctx);
      ctx = byId.get(ctx)?.continues;
    }
  }
  return shown;
}

/** Markdown images in the Discord text read as their alt text; the images go as attachments. */
function withImageText(r: RenderedQuestion): RenderedQuestion {
  const out: RenderedQuestion = {
    ...r,
    contexts: r.contexts.map((c) => ({ ...c, body: imagesAsText(c.body) })),
    prompt: imagesAsText(r.prompt),
    options: r.options.map((o) => ({ ...o, text: imagesAsText(o.text) })),
    notes: r.notes.map((n) => ({ ...n, text: imagesAsText(n.text) })),
  };
  if (r.explanation !== undefined) out.explanation = imagesAsText(r.explanation);
  return out;
}
