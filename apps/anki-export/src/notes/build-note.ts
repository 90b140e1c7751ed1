import {
  type Bank,
  escapeHtml,
  isMultipleChoice,
  type Question,
  renderQuestion,
} from '@quizdeck/core';
import { noteGuid } from '../apkg';
import type { FieldName } from '../card/note-type';

export interface NoteOptions {
  /** Options are shuffled at each review, pinned ones last. */
  shuffle: boolean;
}

const NOTE_LABEL = { dispute: 'Dispute', comment: 'Comment' } as const;

/** The note's fields, all HTML: rendered Markdown from core, everything else escaped here. */
export function noteFields(
  bank: Bank,
  question: Question,
  opts: NoteOptions,
): Record<FieldName, string> {
  const r = renderQuestion(bank, question, 'html');
  const context = r.contexts
    .map((c) => {
      const title = c.title === undefined ? '' : `<p class="qd-context-title">${c.title}</p>`;
      return `<section class="qd-context-part" data-context="${escapeHtml(c.id)}">${title}${c.body}</section>`;
    })
    .join('');
  // A passage's worked notes often derive the answers, so they go on the back.
  const contextNotes = r.contexts
    .filter((c) => c.notes !== undefined)
    .map((c) => `<div class="qd-context-note" data-context="${escapeHtml(c.id)}">${c.notes}</div>`)
    .join('');
  const options = r.options
    .map((o) => {
      const key = escapeHtml(o.key);
      const pinned = o.pinned ? ' data-pinned="1"' : '';
      return `<li data-key="${key}"${pinned}><span class="qd-letter">${key}.</span> <span class="qd-text">${o.text}</span></li>`;
    })
    .join('');
  const notes = r.notes
    .map(
      (n) =>
        `<div class="qd-note qd-${n.kind}"><span class="qd-note-label">${NOTE_LABEL[n.kind]}:</span>${n.text}</div>`,
    )
    .join('');
  const number = question.number === undefined ? '' : `, question ${question.number}`;
  const source = [bank.title + number, bank.source].filter(Boolean).join(' · ');
  const fields: Record<FieldName, string> = {
    Question: r.prompt,
    Context: context,
    Options: `<ol class="qd-options">${options}</ol>`,
    Answer: escapeHtml(r.answer.join(', ')),
    Multiple: r.multiple ? '1' : '',
    SelectAll: r.selectAll ? '1' : '',
    Explanation: r.explanation ?? '',
    ContextNotes: contextNotes,
    Notes: notes,
    Source: escapeHtml(source),
    Id: escapeHtml(`${bank.id}/${question.id}`),
    Shuffle: opts.shuffle ? '1' : '',
  };
  for (const name of Object.keys(fields) as FieldName[]) fields[name] = fields[name].trim();
  return fields;
}

/** Bank and question tags plus quizdeck's own; Anki tags cannot hold spaces. */
export function noteTags(bank: Bank, question: Question, extra: readonly string[]): string[] {
  const tags = [...bank.tags, ...question.tags, ...extra];
  if (question.notes.some((n) => n.kind === 'dispute')) tags.push('quizdeck::disputed');
  if (isMultipleChoice(question)) tags.push('quizdeck::multi');
  return [...new Set(tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean))];
}

export function questionGuid(bank: Bank, question: Question): string {
  return noteGuid(bank.id, question.id);
}
