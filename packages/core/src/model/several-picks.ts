import type { Question } from './question';

// The one home of "does this question take several picks": the importer, the renderers, Anki and
// the bot all ask here (or read `question.multiple`, which the importer sets from it).
const SEVERAL_PICKS_RE =
  /\b(?:select|choose|check|mark|tick|pick|circle)[ \t]+all\b|\ball[ \t]+(?:that|which)[ \t]+apply\b|\b(?:select|choose|pick|mark|tick)[ \t]+(?:two|three|four|2|3|4)\b|\bmore[ \t]+than[ \t]+one[ \t]+(?:(?:correct|right)[ \t]+)?(?:answer|option|choice|is|may|can|could|might)\b|\bone[ \t]+or[ \t]+more[ \t]+(?:answers|options|choices|(?:are|is|may|can|could|might)\b)/i;

/** True when a prompt asks for several picks ("Select all that apply", "more than one answer …"). */
export const asksForSeveralPicks = (prompt: string): boolean => SEVERAL_PICKS_RE.test(prompt);

/** What `multiple` is when a bank does not say: several keys, or a prompt asking for several picks. */
export const impliedMultiple = (answer: readonly string[], prompt: string): boolean =>
  answer.length > 1 || asksForSeveralPicks(prompt);

/** True when the question takes several picks (checkboxes rather than radio buttons). */
export function isMultipleChoice(question: Pick<Question, 'multiple' | 'answer'>): boolean {
  return question.multiple || question.answer.length > 1;
}
