import type { RenderedQuestion } from '@quizdeck/core';
import type { AnswerRow } from '../db/rows';
import type { Standing } from '../db/standings';
import { letterEmoji } from '../quiz/letters';
import { type EmbedPayload, embedMessages } from './embed-messages';

export const BLUE = 0x5865f2;
export const GREEN = 0x57f287;
export const GOLD = 0xfee75c;

export interface QuestionHeader {
  number: number;
  total: number;
  bankId: string;
  questionId: string;
  /** Epoch ms; shown as a Discord relative timestamp once the clock runs. */
  closesAt?: number;
}

/** The case-study passages a question builds on, posted once before the first question of a chain. */
export function passageMessages(q: RenderedQuestion): EmbedPayload[] {
  return q.contexts.flatMap((c) =>
    embedMessages({ title: c.title ?? 'Case study', body: c.body, color: GOLD }),
  );
}

/** The question; the last message of the list carries the options and takes the letter reactions. */
export function questionMessages(q: RenderedQuestion, h: QuestionHeader): EmbedPayload[] {
  const lines = questionLines(q);
  lines.push(
    '',
    h.closesAt === undefined
      ? '*The clock starts once every letter is up.*'
      : `Closes <t:${Math.ceil(h.closesAt / 1000)}:R>`,
  );
  return embedMessages({
    title: `Question ${h.number} of ${h.total}`,
    body: lines.join('\n'),
    footer: `${h.bankId} · ${h.questionId}`,
    color: BLUE,
  });
}

/** The prompt and its lettered options, as every question message shows them. */
export function questionLines(q: RenderedQuestion): string[] {
  const lines = [q.prompt, '', ...q.options.map((o) => `${letterEmoji(o.key)} ${o.text}`)];
  if (q.selectAll) lines.push('', '*Select all that apply.*');
  return lines;
}

/** The key's options (with their letters in the bank when shuffled), as a reveal shows them. */
export function keyLines(q: RenderedQuestion, toOriginal?: Record<string, string>): string[] {
  const bankLetter = (k: string) => (toOriginal?.[k] ? ` *(${toOriginal[k]} in the bank)*` : '');
  return q.options
    .filter((o) => q.answer.includes(o.key))
    .map((o) => `${letterEmoji(o.key)} **${o.key}.** ${o.text}${bankLetter(o.key)}`);
}

/** The reader's notes, disputes marked as such, each after a blank line. */
export function noteLines(q: RenderedQuestion): string[] {
  return q.notes.flatMap((note) => [
    '',
    note.kind === 'dispute' ? `⚠️ **Disputed:** ${note.text}` : `💬 ${note.text}`,
  ]);
}

/** A reveal's title: the key's letters. */
export const answerTitle = (q: RenderedQuestion): string =>
  q.answer.length > 1 ? `Answers: ${q.answer.join(', ')}` : `Answer: ${q.answer[0] ?? '?'}`;

const mentions = (ids: readonly string[]) => ids.map((id) => `<@${id}>`).join(' ');

/** Key, explanation, per-option counts, who was right, and dispute notes marked as such. */
export function revealMessages(
  q: RenderedQuestion,
  answers: readonly AnswerRow[],
  footer: string,
  toOriginal?: Record<string, string>,
): EmbedPayload[] {
  const lines = keyLines(q, toOriginal);
  if (q.explanation) lines.push('', q.explanation);
  const counts = q.options.map(
    (o) => `${letterEmoji(o.key)} ${answers.filter((a) => a.selected.includes(o.key)).length}`,
  );
  lines.push('', `**Answers (${answers.length}):** ${counts.join(' · ')}`);
  const right = answers.filter((a) => a.verdict === 'correct').map((a) => a.userId);
  const partial = answers.filter((a) => a.verdict === 'partial').map((a) => a.userId);
  lines.push(`**Right (${right.length}):** ${right.length ? mentions(right) : 'nobody'}`);
  if (partial.length) lines.push(`**Partly right (${partial.length}):** ${mentions(partial)}`);
  lines.push(...noteLines(q));
  return embedMessages({ title: answerTitle(q), body: lines.join('\n'), footer, color: GREEN });
}

export function standingsText(standings: readonly Standing[], limit = 20): string {
  if (standings.length === 0) return 'No answers yet.';
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
  return standings
    .slice(0, limit)
    .map(
      (s, i) =>
        `${i + 1}. <@${s.userId}> **${fmt(s.points)}** pts (${s.correct}/${s.answered} right)`,
    )
    .join('\n');
}

export function leaderboardMessages(title: string, standings: readonly Standing[]) {
  return embedMessages({ title, body: standingsText(standings), color: GOLD });
}
