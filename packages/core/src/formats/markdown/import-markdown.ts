import type { BankLocations } from '../position';
import { matchAnswerLine } from './answer-line';
import { type BodyScan, scanBody } from './body-scan';
import { Builder } from './builder';
import { endKeyFor, findEndKey } from './end-key';
import { readFrontMatter } from './front-matter';
import { type ItemIssue, toItems } from './items';
import { isBullet, isEmptyBullet, isRule, type QuestionLine } from './lines';
import { parseOptionLine } from './option-line';
import { assignContexts } from './passage-scope';
import { findContinued, introduced } from './passages';
import { readPreamble } from './preamble';
import { readQuestion } from './read-question';

export interface MarkdownImport {
  /** The bank as read, before the model validates it. */
  candidate: Record<string, unknown>;
  builder: Builder;
  locations: BankLocations;
  bankLine: number;
}

/**
 * Numbered lines that are questions: they have options, or continue the numbering and read as a
 * question (a "?", a blank to fill, bold or heading, a key line or bullets under them). Continuing
 * allows a few skipped numbers (a question lost in copying: the gap is a warning); a numbered
 * list in a passage starts again at 1, so it does not continue.
 */
/** Numbers a question may skip and still continue the numbering. */
const MAX_SKIPPED = 2;

/** A question line that reads as asking: bold or heading, a "?" or ":" end, a blank to fill. */
const asks = (q: QuestionLine) =>
  q.emphatic || /[?:]$/.test(q.text) || /_{3,}|\.\.\.$|…$/.test(q.text);

function findQuestions(lines: readonly string[], to: number, scan: BodyScan) {
  const { candidates, sheltered } = scan;
  const questions: typeof candidates = [];
  let last = 0;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k] as (typeof candidates)[number];
    const end = candidates[k + 1]?.index ?? to;
    let hasOptions = false;
    let keyed = false;
    let bullets = 0;
    for (let i = c.index + 1; i < end && !hasOptions; i++) {
      if (sheltered.has(i)) continue;
      const line = lines[i] ?? '';
      const o = parseOptionLine(line, true);
      hasOptions = o?.key === 'A';
      if (isBullet(line) && o?.key === undefined) bullets++;
      if (matchAnswerLine(line) !== undefined) keyed = true;
    }
    const n = Number(c.q.number);
    if (
      hasOptions ||
      (n > last && n <= last + MAX_SKIPPED + 1 && (keyed || bullets >= 2 || asks(c.q))) ||
      (c.q.emphatic && c.q.text === '')
    ) {
      questions.push(c);
      last = n;
    }
  }
  return questions;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '') || 'bank';

function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/(\.quiz)?\.(md|markdown)$/i, '');
}

/** Lines without their "\n" or "\r\n" ends (a lone "\r" stays text), without a regex split. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.includes('\r'))
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as string;
      if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
    }
  return lines;
}

/** Reads quiz-markdown into a bank candidate, reporting what it cannot place with file:line. */
export function importMarkdown(text: string, file: string): MarkdownImport {
  const lines = splitLines(text);
  const b = new Builder(file, lines);
  const front = readFrontMatter(lines);
  if (front.bodyStart > 0) b.place(0, front.bodyStart - 1, 'front matter');
  for (const issue of front.issues)
    b.report(issue.severity, issue.line, 'front-matter', issue.message);
  const stem = fileStem(file);
  const bank: Record<string, unknown> = { ...front.data };
  const endKey = findEndKey(lines, front.bodyStart);
  const bodyEnd = endKey?.start ?? lines.length;
  const scan = scanBody(lines, front.bodyStart, bodyEnd);
  const { sheltered } = scan;
  const questions = findQuestions(lines, bodyEnd, scan);
  if (endKey) {
    const numbers = new Set(questions.map((q) => q.q.number));
    const seen = new Map<string, string>();
    for (const e of endKey.entries) {
      b.place(e.line, e.line, 'answer key');
      const first = seen.get(e.number);
      if (first !== undefined && first !== e.keys)
        b.report(
          'error',
          e.line,
          'end-key',
          `the answer key gives question ${e.number} twice: ${first}, then ${e.keys}`,
        );
      seen.set(e.number, first ?? e.keys);
      if (!numbers.has(e.number))
        b.report(
          'error',
          e.line,
          'end-key',
          `the answer key names question ${e.number}, which this file does not have`,
        );
    }
    for (const l of endKey.other) b.place(l, l, 'answer key');
  }
  const preambleEnd = questions[0]?.index ?? bodyEnd;
  const issues: ItemIssue[] = [];
  const firstPrompt = questions[0]?.q.text ?? '';
  readPreamble(b, toItems(lines, front.bodyStart, preambleEnd, issues), bank, firstPrompt);
  b.reportCommentIssues(issues);
  let last: number | undefined;
  questions.forEach((q, k) => {
    const n = Number(q.q.number);
    if (last !== undefined && n > last + 1) {
      const missing =
        n === last + 2 ? `question ${last + 1} is` : `questions ${last + 1}–${n - 1} are`;
      b.report(
        'warning',
        q.index,
        'numbering-gap',
        `the numbering jumps from ${last} to ${n}: ${missing} missing`,
      );
    }
    last = n;
    readQuestion(
      b,
      q.index,
      questions[k + 1]?.index ?? bodyEnd,
      q.q,
      sheltered,
      endKeyFor(endKey, q.q.number),
    );
  });
  if (questions.length === 0) {
    b.report(
      'error',
      front.bodyStart,
      'no-questions',
      'no questions found (a question is a numbered line such as "1. …" followed by options "- A. …")',
    );
  }
  // A break or a stray empty bullet no reader took (both only separate things); also after an
  // unclosed fence, where the readers still split paragraphs.
  for (let i = front.bodyStart; i < lines.length; i++) {
    if (b.fieldOf[i] !== undefined) continue;
    const line = lines[i] ?? '';
    if (isRule(line)) b.place(i, i, 'break');
    else if (isEmptyBullet(line)) b.place(i, i, 'separator');
  }
  assignContexts(b, scan.breaks);

  const earlier: { id: string; nouns: Set<string> }[] = [];
  for (const c of b.contexts) {
    if (!c.continuesSet) {
      const continued = findContinued(c.body, earlier);
      if (continued !== undefined) c.continues = continued;
    }
    earlier.push({ id: c.id, nouns: introduced(c.body) });
  }
  const candidate = {
    id: bank.id ?? slug(stem),
    title: bank.title ?? (stem.replace(/[-_.]+/g, ' ').trim() || 'Untitled bank'),
    ...(bank.description !== undefined ? { description: bank.description } : {}),
    ...(bank.source !== undefined ? { source: bank.source } : {}),
    ...(bank.tags !== undefined ? { tags: bank.tags } : {}),
    contexts: b.contexts.map(({ continuesSet: _s, line: _l, level: _v, range: _r, ...c }) => c),
    questions: b.questions.map((q) => q.fields),
  };
  const locations: BankLocations = { questions: {}, contexts: {} };
  for (const q of b.questions) {
    if (typeof q.fields.id === 'string')
      locations.questions[q.fields.id] = { line: q.line + 1, col: q.col };
  }
  for (const c of b.contexts) locations.contexts[c.id] = { line: c.line + 1, col: 1 };
  return { candidate, builder: b, locations, bankLine: front.bodyStart > 0 ? 2 : 1 };
}
