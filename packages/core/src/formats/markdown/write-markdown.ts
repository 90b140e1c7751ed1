import { stringify } from 'yaml';
import type { Bank } from '../../model/bank';
import type { Context } from '../../model/context';
import type { Question } from '../../model/question';
import { impliedMultiple } from '../../model/several-picks';
import { isPinnedText } from './lines';

/** A one-line `<!-- quizdeck: {…} -->` comment. */
const comment = (data: Record<string, unknown>) =>
  `<!-- quizdeck: ${stringify(data, { collectionStyle: 'flow', lineWidth: 0 }).trim()} -->`;

function writeFrontMatter(bank: Bank): string {
  const data: Record<string, unknown> = { id: bank.id, title: bank.title };
  if (bank.description !== undefined) data.description = bank.description;
  if (bank.source !== undefined) data.source = bank.source;
  if (bank.tags.length > 0) data.tags = bank.tags;
  return `---\n${stringify(data, { lineWidth: 0 })}---`;
}

function writeContext(c: Context): string[] {
  const data: Record<string, unknown> = { id: c.id };
  if (c.title !== undefined) data.title = c.title;
  data.continues = c.continues ?? null;
  const out = [comment(data), c.body];
  // Without the mark, a passage of several paragraphs would be read back as body + notes.
  if (c.notes !== undefined || c.body.includes('\n\n')) out.push(comment({ part: 'notes' }));
  if (c.notes !== undefined) out.push(c.notes);
  return out;
}

function writeQuestion(q: Question, index: number, implicitContext: string | undefined): string[] {
  // Lines are numbered in order (a gap would warn); a number printed otherwise goes in the comment.
  const numbered = String(index + 1);
  const data: Record<string, unknown> = { id: q.id };
  if (q.number !== numbered) data.number = q.number ?? null;
  if (q.context !== implicitContext) data.context = q.context ?? null;
  if (q.multiple !== impliedMultiple(q.answer, q.prompt)) data.multiple = q.multiple;
  const pinned = q.options
    .filter((o) => o.pinned === true && !isPinnedText(o.text))
    .map((o) => o.key);
  if (pinned.length > 0) data.pinned = pinned;
  if (q.tags.length > 0) data.tags = q.tags;
  if (q.check !== undefined) data.check = q.check;
  const out = [`${numbered}. ${q.prompt}`];
  out.push(
    q.options
      .map(
        (o) =>
          `- ${o.key}${q.answer.includes(o.key) ? ' RIGHT' : ''}. ${o.text.replace(/\n/g, '\n  ')}`,
      )
      .join('\n'),
  );
  if (q.explanation !== undefined) out.push(`Explanation: ${q.explanation}`);
  for (const n of q.notes) out.push(`${n.kind === 'dispute' ? 'Dispute' : 'Comment'}: ${n.text}`);
  // Last in the block: no remark paragraph is then the last thing before the next question.
  out.push(comment(data));
  return out;
}

/**
 * Writes a bank as quiz-markdown that reads back to the same bank: ids, contexts and anything the
 * importer would otherwise infer differently go into quizdeck comments.
 */
export function writeMarkdown(bank: Bank): string {
  const blocks = [writeFrontMatter(bank)];
  const order = new Map(bank.contexts.map((c, i) => [c.id, i]));
  let written = 0;
  let current: string | undefined;
  bank.questions.forEach((q, i) => {
    const wanted = q.context === undefined ? -1 : (order.get(q.context) ?? -1);
    while (written <= wanted) {
      const c = bank.contexts[written++];
      if (c) {
        blocks.push(...writeContext(c));
        current = c.id;
      }
    }
    blocks.push(...writeQuestion(q, i, current));
  });
  while (written < bank.contexts.length) {
    const c = bank.contexts[written++];
    if (c) blocks.push(...writeContext(c));
  }
  return `${blocks.join('\n\n')}\n`;
}
