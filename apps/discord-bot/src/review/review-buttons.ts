import { isMultipleChoice, type Question } from '@quizdeck/core';
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { LIMITS } from '../discord/limits';
import { reviewCustomId } from './review-custom-id';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

const button = (
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success,
  disabled = false,
): APIButtonComponentWithCustomId => ({
  type: ComponentType.Button,
  custom_id: customId,
  label,
  style,
  ...(disabled ? { disabled } : {}),
});

const rows = (buttons: APIButtonComponentWithCustomId[]): ButtonRow[] => {
  const out: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    out.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + LIMITS.buttonsPerRow),
    });
  }
  return out;
};

/**
 * Whether a question's letters fit on buttons (5 rows of 5, one taken by Submit when it takes
 * several picks). A question with more options is kept but not offered for review.
 */
export function fitsButtons(question: Pick<Question, 'options' | 'multiple' | 'answer'>): boolean {
  const room = LIMITS.buttonsPerRow * LIMITS.actionRows;
  return question.options.length + (isMultipleChoice(question) ? 1 : 0) <= room;
}

/**
 * A letter button per option. A single-answer question is answered by its button; a question
 * taking several picks (core's one rule) toggles letters, shown picked in blue, then Submit.
 */
export function answerButtons(question: Question, promptId: number, picks: string): ButtonRow[] {
  const letters = question.options.map((o) => o.key);
  if (!isMultipleChoice(question)) {
    return rows(
      letters.map((letter) =>
        button(reviewCustomId({ kind: 'pick', promptId, letter }), letter, ButtonStyle.Secondary),
      ),
    );
  }
  const toggles = letters.map((letter) =>
    button(
      reviewCustomId({ kind: 'toggle', promptId, picks, letter }),
      picks.includes(letter) ? `✓ ${letter}` : letter,
      picks.includes(letter) ? ButtonStyle.Primary : ButtonStyle.Secondary,
    ),
  );
  const submit = button(
    reviewCustomId({ kind: 'submit', promptId, picks }),
    picks === '' ? 'Submit' : `Submit ${[...picks].join(', ')}`,
    ButtonStyle.Success,
    picks === '',
  );
  const out = rows(toggles);
  const last = out.at(-1);
  if (last && last.components.length < LIMITS.buttonsPerRow) last.components.push(submit);
  else out.push({ type: ComponentType.ActionRow, components: [submit] });
  return out;
}

/** The Next button under a graded review. */
export function nextButton(promptId: number): ButtonRow[] {
  return rows([button(reviewCustomId({ kind: 'next', promptId }), 'Next', ButtonStyle.Primary)]);
}
