import {
  type Bank,
  type CardState,
  type GradeResult,
  isMultipleChoice,
  type Verdict,
} from '@quizdeck/core';
import type { APIEmbed, MessageMentionOptions } from 'discord.js';
import { bankLine } from '../discord/bank-text';
import { embedMessages, NO_PINGS } from '../discord/embed-messages';
import {
  answerTitle,
  BLUE,
  GOLD,
  GREEN,
  keyLines,
  noteLines,
  passageMessages,
  questionLines,
} from '../discord/quiz-messages';
import type { RoundView } from '../quiz/round-view';
import { packMessages } from './pack-messages';
import { answerButtons, type ButtonRow, nextButton } from './review-buttons';

/** An ephemeral review message: embeds, and the buttons on the last message of a review. */
export interface ReviewMessage {
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: MessageMentionOptions;
}

const RED = 0xed4245;
const at = (ms: number, style: 'R' | 'D' | 'f') => `<t:${Math.floor(ms / 1000)}:${style}>`;

const withButtons = (messages: ReviewMessage[], components: ButtonRow[]): ReviewMessage[] =>
  messages.map((m, i) => (i === messages.length - 1 ? { ...m, components } : m));

/**
 * A due question for one member: its passages, the prompt and options, when it was due, and the
 * answer buttons (toggles showing `picks` for a question taking several).
 */
export function reviewQuestionMessages(
  bank: Bank,
  view: RoundView,
  card: CardState,
  promptId: number,
  picks: string,
): ReviewMessage[] {
  const lines = questionLines(view.rendered);
  if (isMultipleChoice(view.question)) lines.push('', '*Pick every right letter, then Submit.*');
  lines.push('', `Due ${at(card.due, 'R')} · seen ${card.reps} time${card.reps === 1 ? '' : 's'}`);
  const question = embedMessages({
    title: `Review: ${bankLine(bank.title)}`,
    body: lines.join('\n'),
    footer: `${bank.id} · ${view.question.id}`,
    color: BLUE,
  });
  const packed = packMessages([...passageMessages(view.rendered), ...question]);
  return withButtons(
    packed.map((p) => ({ ...p, components: [] })),
    answerButtons(view.question, promptId, picks),
  );
}

const VERDICT: Record<Verdict, string> = {
  correct: 'right',
  partial: 'partly right',
  wrong: 'wrong',
  unanswered: 'not answered',
};

/**
 * A graded review: the member's answer and how it went, the key, the explanation and the
 * reader's notes (disputes marked) as a live quiz reveals them, when the question comes back, and
 * the Next button.
 */
export function reviewResultMessages(
  bank: Bank,
  view: RoundView,
  picks: string,
  result: GradeResult,
  due: number | undefined,
  promptId: number,
): ReviewMessage[] {
  const r = view.rendered;
  const lines = [
    `Your answer: **${[...picks].join(', ') || 'none'}**: ${VERDICT[result.verdict]}`,
    '',
    ...keyLines(r),
  ];
  if (r.explanation) lines.push('', r.explanation);
  lines.push(...noteLines(r));
  if (due !== undefined)
    lines.push('', `This question comes back ${at(due, 'R')} (${at(due, 'D')}).`);
  const color = result.verdict === 'correct' ? GREEN : result.verdict === 'partial' ? GOLD : RED;
  const payloads = embedMessages({
    title: `${answerTitle(r)} · ${VERDICT[result.verdict]}`,
    body: lines.join('\n'),
    footer: `${bank.id} · ${view.question.id}`,
    color,
  });
  return withButtons(
    packMessages(payloads).map((p) => ({ ...p, components: [] })),
    nextButton(promptId),
  );
}

/** A short notice in place of a question or result, with Next when there may be more. */
export function reviewNotice(text: string, promptId?: number): ReviewMessage {
  return {
    embeds: [{ description: text, color: GOLD }],
    components: promptId === undefined ? [] : nextButton(promptId),
    allowedMentions: NO_PINGS,
  };
}

export interface ReviewStatus {
  bankTitle: string | undefined;
  dueNow: number;
  dueThisWeek: number;
  cards: number;
  reviews: number;
  retention: number | undefined;
  nextDue: number | undefined;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `/review status`: due now, due this week, reviews done, measured retention. */
export function reviewStatusMessage(s: ReviewStatus, memberName: string): ReviewMessage {
  const lines = [
    `Due now: **${s.dueNow}**`,
    `Due in the next 7 days: **${s.dueThisWeek}**`,
    `Questions in review: **${s.cards}**`,
    `Reviews done: **${s.reviews}**`,
    `Retention: **${s.retention === undefined ? 'not measured yet' : pct(s.retention)}** (reviews after the first that were not misses)`,
  ];
  if (s.dueNow === 0 && s.nextDue !== undefined) lines.push(`Next due ${at(s.nextDue, 'R')}.`);
  const [first] = embedMessages({
    title: `Review: ${bankLine(memberName)}${s.bankTitle === undefined ? '' : ` · ${bankLine(s.bankTitle)}`}`,
    body: lines.join('\n'),
    color: BLUE,
  });
  return { embeds: first?.embeds ?? [], components: [], allowedMentions: NO_PINGS };
}

/** The daily line: what is due in the guild, naming nobody. */
export function digestLine(questions: number, members: number): string {
  const q = questions === 1 ? '1 question is' : `${questions} questions are`;
  const m = members === 1 ? '1 member' : `${members} members`;
  return `📚 ${q} due for ${m}. \`/review next\` brings yours, privately.`;
}
