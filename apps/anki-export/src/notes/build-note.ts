import {
  type Bank,
  escapeHtml,
  isMultipleChoice,
  type Question,
  renderQuestion,
} from '@quizdeck/core';
import { ankiTags, noteGuid } from '../apkg';
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
  let context = '';
  // A passage's worked notes often derive the answers, so they go on the back.
  let contextNotes = '';
  for (const c of r.contexts) {
    const id = escapeHtml(c.id);
    const title = c.title === undefined ? '' : `<p class="qd-context-title">${c.title}</p>`;
    context += `<section class="qd-context-part" data-context="${id}">${title}${c.body}</section>`;
    if (c.notes !== undefined) {
      contextNotes += `<div class="qd-context-note" data-context="${id}">${c.notes}</div>`;
    }
  }
  let options = '<ol class="qd-options">';
  for (const o of r.options) options += `${optionOpening(o.key, o.pinned)}${o.text}</span></li>`;
  options += '</ol>';
  let notes = '';
  for (const n of r.notes) {
    notes += `<div class="qd-note qd-${n.kind}"><span class="qd-note-label">${NOTE_LABEL[n.kind]}:</span>${n.text}</div>`;
  }
  const number = question.number === undefined ? '' : `, question ${question.number}`;
  const title = bank.title + number;
  const source = title && bank.source ? `${title} · ${bank.source}` : title || bank.source || '';
  return {
    Question: r.prompt.trim(),
    // Fields of elements only (each starts with `<` and ends with `>`) need no trimming.
    Context: context,
    Options: options,
    Answer: escapeHtml(r.answer.join(', ')).trim(),
    Multiple: r.multiple ? '1' : '',
    SelectAll: r.selectAll ? '1' : '',
    Explanation: (r.explanation ?? '').trim(),
    ContextNotes: contextNotes,
    Notes: notes,
    Source: escapeHtml(source).trim(),
    Id: escapeHtml(`${bank.id}/${question.id}`).trim(),
    Shuffle: opts.shuffle ? '1' : '',
  };
}

// An option's markup before its text depends only on its key and whether it is pinned, and keys
// repeat in every question: each is written once.
const OPENINGS = [new Map<string, string>(), new Map<string, string>()] as const;
const MAX_OPENINGS = 256;

function optionOpening(key: string, pinned: boolean): string {
  const openings = OPENINGS[pinned ? 1 : 0];
  let opening = openings.get(key);
  if (opening === undefined) {
    const k = escapeHtml(key);
    const pin = pinned ? ' data-pinned="1"' : '';
    opening = `<li data-key="${k}"${pin}><span class="qd-letter">${k}.</span> <span class="qd-text">`;
    if (openings.size < MAX_OPENINGS) openings.set(key, opening);
  }
  return opening;
}

/** Bank and question tags plus quizdeck's own; Anki tags cannot hold spaces. */
export function noteTags(bank: Bank, question: Question, extra: readonly string[]): string[] {
  const tags = [...bank.tags, ...question.tags, ...extra];
  if (question.notes.some((n) => n.kind === 'dispute')) tags.push('quizdeck::disputed');
  if (isMultipleChoice(question)) tags.push('quizdeck::multi');
  return ankiTags(tags);
}

export function questionGuid(bank: Bank, question: Question): string {
  return noteGuid(bank.id, question.id);
}
