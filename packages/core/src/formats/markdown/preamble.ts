import type { Builder } from './builder';
import type { Item, Para } from './items';
import { endsPassage, findContinued, introduced, opensPassage } from './passages';
import { headingLevel, headingOf, opensPassageAt, readPassage } from './read-passage';

/** `# Title` or a setext `Title` over `===`: the bank's title. */
function titleOf(p: Para): string | undefined {
  if (p.start === p.end && headingLevel(p) === 1) return headingOf(p);
  const [text, rule, ...rest] = p.text.split('\n');
  if (rest.length === 0 && rule !== undefined && /^[ \t]{0,3}=+[ \t]*$/.test(rule))
    return (text ?? '').trim();
  return undefined;
}

// The first question builds on the text before it: it points back at it.
const POINTS_BACK_RE =
  /\b(?:above|passage|case study|scenario|described|this setup|the setup|the table|the figure|this table)\b/i;

/** Does this preamble paragraph open a passage (rather than introduce the quiz)? */
function opensHere(p: Para, firstPrompt: string): boolean {
  if (headingOf(p) !== undefined) return true;
  if (endsPassage(p.text) || opensPassage(p.text)) return true;
  // "Consider this code:" introduces what the questions use.
  if (/:[ \t]*$/.test(p.text)) return true;
  if (POINTS_BACK_RE.test(firstPrompt)) return true;
  return findContinued(firstPrompt, [{ id: 'p', nouns: introduced(p.text) }]) !== undefined;
}

/**
 * Text before the first question: an optional title, then prose that introduces the quiz (the
 * bank description) and the passages the first questions build on.
 */
export function readPreamble(
  b: Builder,
  items: readonly Item[],
  bank: Record<string, unknown>,
  firstPrompt: string,
): void {
  let k = 0;
  const first = items[0];
  let title = first?.type === 'para' ? titleOf(first) : undefined;
  // A file that states a title never gets its file name: a `# Title` further down, or a first
  // line that is a heading of another level, is the title too.
  if (title === undefined && bank.title === undefined) {
    const at = items.findIndex((it) => it.type === 'para' && titleOf(it) !== undefined);
    const top = first?.type === 'para' && first.start === first.end ? headingOf(first) : undefined;
    if (at > 0) {
      const it = items[at] as Para;
      b.place(it.start, it.end, 'bank title');
      bank.title = titleOf(it);
    } else if (top !== undefined && items[1]?.type !== 'para') title = top;
  }
  if (first?.type === 'para' && title !== undefined) {
    b.place(first.start, first.end, 'bank title');
    if (bank.title === undefined) bank.title = title;
    else if (title !== bank.title) {
      b.report(
        'warning',
        first.start,
        'title',
        `heading "${title}" differs from the front matter title; the front matter wins`,
      );
    }
    k = 1;
  }
  const description: string[] = [];
  while (k < items.length) {
    const it = items[k];
    if (it?.type === 'para' && b.fieldOf[it.start] === 'bank title') {
      k++;
      continue;
    }
    if (it?.type === 'annotation') {
      if (opensPassageAt(items, k)) k = readPassage(b, items, k + 1, it.annotation);
      else {
        b.report(
          'warning',
          it.annotation.start,
          'annotation-place',
          'quizdeck comment is not attached to a question or passage; ignored',
        );
        k++;
      }
    } else if (it && b.contexts.length === 0 && !opensHere(it, firstPrompt)) {
      description.push(it.text);
      b.place(it.start, it.end, 'bank description');
      k++;
    } else k = readPassage(b, items, k);
  }
  if (description.length > 0) {
    const text = description.join('\n\n');
    bank.description =
      typeof bank.description === 'string' ? `${bank.description}\n\n${text}` : text;
  }
}
