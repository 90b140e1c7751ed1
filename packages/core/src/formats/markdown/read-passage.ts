import type { Annotation } from './annotations';
import type { Builder } from './builder';
import type { Item, Para } from './items';
import { parseOptionLine } from './option-line';
import { endsPassage, statedRange } from './passages';

export const CONTEXT_KEYS = ['id', 'title', 'continues'] as const;
const FORWARD_RE =
  /\b(?:below|following[ \t]+(?:setup|table|tables|data|passage|scenario|text|code|figure|case|information|schema|description|study|situation|experiment|story))\b|:[ \t]*$/i;
const HEADING_RE = /^#{1,6}[ \t]+(.+)$/;

/** "Title ##" → "Title": a closing run of "#" after a space goes, as in CommonMark. */
function trimClosingHashes(text: string): string {
  const t = text.trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end === t.length || (end > 0 && t[end - 1] !== ' ' && t[end - 1] !== '\t')) return t;
  return t.slice(0, end).trimEnd();
}

/** The level of a one-line `#` heading paragraph (1–6). */
export const headingLevel = (p: Para) => p.text.match(/^#{1,6}/)?.[0].length ?? 7;

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
  let level = 7;
  let line = -1;
  let inNotes = false;
  const placed: [number, number, string][] = [];
  let forward = false;
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
        if (parseOptionLine(l, false)?.key !== undefined) {
          const message =
            'option-like line outside a question is kept as passage text (is the question above it numbered "1." …?)';
          b.report('warning', it.start + n, 'stray-option', message);
        }
      });
    }
    const heading =
      body.length === 0 && title === undefined && !inNotes ? headingOf(it) : undefined;
    if (heading !== undefined) {
      title = heading;
      level = headingLevel(it);
      placed.push([it.start, it.end, 'title']);
    } else if (inNotes) {
      notes.push(it.text);
      placed.push([it.start, it.end, 'notes']);
    } else {
      body.push(it.text);
      placed.push([it.start, it.end, 'body']);
      // "The tables below are used by questions 1 to 4." opens a body that goes on after it.
      if (body.length === 1 && endsPassage(it.text) && FORWARD_RE.test(it.text)) forward = true;
      else if (!forward && (endsPassage(it.text) || !markerAhead)) inNotes = true;
    }
  }
  if (body.length === 0) {
    const at = line === -1 ? (opening?.start ?? 0) : line;
    b.report(
      'warning',
      at,
      'section-heading',
      title !== undefined
        ? `heading "${title}" has no passage under it: it ends the passage above (if any) and is in no field`
        : 'quizdeck comment opens a passage with no text before the next question; ignored',
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
    level,
  };
  const range = statedRange(body.join('\n\n'));
  if (range) Object.assign(ctx, { range });
  if (fields.id !== undefined && typeof fields.id !== 'string')
    Object.assign(ctx, { id: fields.id });
  b.contexts.push(ctx);
  for (const [from, to, part] of placed) b.place(from, to, `passage ${String(ctx.id)} ${part}`);
  return limit;
}
