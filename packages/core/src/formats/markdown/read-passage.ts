import type { Annotation } from './annotations';
import type { Builder } from './builder';
import type { Item, Para } from './items';
import { matchOption } from './lines';
import { endsPassage } from './passages';

export const CONTEXT_KEYS = ['id', 'title', 'continues'] as const;
const HEADING_RE = /^#{1,6}[ \t]+(.+)$/;

/** "Title ##" → "Title": a closing run of "#" after a space goes, as in CommonMark. */
function trimClosingHashes(text: string): string {
  const t = text.trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end === t.length || (end > 0 && t[end - 1] !== ' ' && t[end - 1] !== '\t')) return t;
  return t.slice(0, end).trimEnd();
}

/** The text of a one-line `#` heading paragraph. */
export function headingOf(p: Para): string | undefined {
  if (p.start !== p.end) return undefined;
  const text = HEADING_RE.exec(p.text)?.[1];
  return text === undefined ? undefined : trimClosingHashes(text);
}
export const isNotesMark = (a: Annotation) => a.data.part === 'notes';

/** A comment that opens a passage: followed by a paragraph, and not a `part: notes` mark. */
export function opensPassageAt(items: readonly Item[], k: number): boolean {
  const it = items[k];
  return it?.type === 'annotation' && !isNotesMark(it.annotation) && items[k + 1]?.type === 'para';
}

/**
 * Reads a case-study passage from items[k]: an optional heading (its title), the body up to the
 * paragraph that ends it ("Answer the following …") or a `part: notes` comment (else one paragraph),
 * then the derivation that follows as its notes. Stops at the next comment that opens a passage.
 * Returns the index after the passage.
 */
export function readPassage(
  b: Builder,
  items: readonly Item[],
  k: number,
  opening?: Annotation,
): number {
  let limit = k;
  while (limit < items.length && !(limit > k && opensPassageAt(items, limit))) limit++;
  const window = items.slice(k, limit);
  const markerAhead = window.some(
    (it) =>
      (it.type === 'para' && endsPassage(it.text)) ||
      (it.type === 'annotation' && isNotesMark(it.annotation)),
  );
  const fields = opening ? b.pick(opening, [...CONTEXT_KEYS], 'a passage') : {};
  const body: string[] = [];
  const notes: string[] = [];
  let title: string | undefined;
  let line = -1;
  let inNotes = false;
  for (const it of window) {
    if (it.type === 'annotation') {
      if (isNotesMark(it.annotation) && notes.length === 0) inNotes = true;
      else
        b.report(
          'warning',
          it.annotation.start,
          'annotation-place',
          'quizdeck comment is not attached to a question or passage; ignored',
        );
      continue;
    }
    if (line === -1) line = it.start;
    if (!/^[ \t]{0,3}(?:```|~~~)/.test(it.text)) {
      it.text.split('\n').forEach((l, n) => {
        if (matchOption(l)) {
          const message =
            'option-like line outside a question is kept as passage text (is the question above it numbered "1." …?)';
          b.report('warning', it.start + n, 'stray-option', message);
        }
      });
    }
    const heading =
      body.length === 0 && title === undefined && !inNotes ? headingOf(it) : undefined;
    if (heading !== undefined) title = heading;
    else if (inNotes) notes.push(it.text);
    else {
      body.push(it.text);
      if (endsPassage(it.text) || !markerAhead) inNotes = true;
    }
  }
  if (body.length === 0) {
    const at = line === -1 ? (opening?.start ?? 0) : line;
    b.report(
      'warning',
      at,
      'passage-empty',
      `passage${title ? ` "${title}"` : ''} has no text before the next question; ignored`,
    );
    return limit;
  }
  const id = typeof fields.id === 'string' ? fields.id : `context-${b.contexts.length + 1}`;
  const t = fields.title ?? title;
  const ctx = {
    id,
    ...(typeof t === 'string' ? { title: t } : t !== undefined ? { title: t as string } : {}),
    body: body.join('\n\n'),
    ...(notes.length > 0 ? { notes: notes.join('\n\n') } : {}),
    ...(typeof fields.continues === 'string' ? { continues: fields.continues } : {}),
    continuesSet: 'continues' in fields,
    line,
  };
  if (fields.id !== undefined && typeof fields.id !== 'string')
    Object.assign(ctx, { id: fields.id });
  b.contexts.push(ctx);
  b.currentContext = ctx.id;
  return limit;
}
