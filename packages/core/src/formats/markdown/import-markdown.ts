import type { BankLocations } from '../position';
import { Builder } from './builder';
import { readFrontMatter } from './front-matter';
import { type Item, shelteredLines, toItems } from './items';
import { matchQuestion, type QuestionLine, startsOptions } from './lines';
import { findContinued, introduced } from './passages';
import { headingOf, opensPassageAt, readPassage } from './read-passage';
import { readQuestion } from './read-question';

export interface MarkdownImport {
  /** The bank as read, before the model validates it. */
  candidate: Record<string, unknown>;
  builder: Builder;
  locations: BankLocations;
  bankLine: number;
}

/** Numbered lines that are questions: they have options, or continue the numbering as a question. */
function findQuestions(lines: readonly string[], from: number, sheltered: Set<number>) {
  const candidates: { index: number; q: QuestionLine }[] = [];
  for (let i = from; i < lines.length; i++) {
    if (sheltered.has(i)) continue;
    const q = matchQuestion(lines[i] ?? '');
    if (q) candidates.push({ index: i, q });
  }
  const questions: typeof candidates = [];
  let last = 0;
  candidates.forEach((c, k) => {
    const end = candidates[k + 1]?.index ?? lines.length;
    let hasOptions = false;
    for (let i = c.index + 1; i < end && !hasOptions; i++) {
      const line = lines[i] ?? '';
      hasOptions = !sheltered.has(i) && (startsOptions(line) || startsOptions(line, 'lower'));
    }
    const looksAsked = c.q.emphatic || /[?:]$/.test(c.q.text);
    if (hasOptions || (looksAsked && Number(c.q.number) === last + 1)) {
      questions.push(c);
      last = Number(c.q.number);
    }
  });
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

/** Text before the first question: an optional `# Title`, then a passage for the questions after it. */
function readPreamble(b: Builder, items: readonly Item[], bank: Record<string, unknown>): void {
  let k = 0;
  const first = items[0];
  if (first?.type === 'para' && first.text.startsWith('# ') && headingOf(first) !== undefined) {
    const heading = headingOf(first) ?? '';
    if (bank.title === undefined) bank.title = heading;
    else if (heading !== bank.title) {
      b.report(
        'warning',
        first.start,
        'title',
        `heading "${heading}" differs from the front matter title; the front matter wins`,
      );
    }
    k = 1;
  }
  while (k < items.length) {
    const it = items[k];
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
    } else k = readPassage(b, items, k);
  }
}

/** Reads quiz-markdown into a bank candidate, reporting what it cannot place with file:line. */
export function importMarkdown(text: string, file: string): MarkdownImport {
  const lines = text.split(/\r?\n/);
  const b = new Builder(file, lines);
  const front = readFrontMatter(lines);
  for (const issue of front.issues)
    b.report(issue.severity, issue.line, 'front-matter', issue.message);
  const stem = fileStem(file);
  const bank: Record<string, unknown> = { ...front.data };
  const sheltered = shelteredLines(lines, front.bodyStart);
  const questions = findQuestions(lines, front.bodyStart, sheltered);
  const preambleEnd = questions[0]?.index ?? lines.length;
  const issues: { line: number; message: string }[] = [];
  readPreamble(b, toItems(lines, front.bodyStart, preambleEnd, issues), bank);
  for (const issue of issues) b.report('error', issue.line, 'annotation', issue.message);
  questions.forEach((q, k) => {
    readQuestion(b, q.index, questions[k + 1]?.index ?? lines.length, q.q, sheltered);
  });
  if (questions.length === 0) {
    b.report(
      'error',
      front.bodyStart,
      'no-questions',
      'no questions found (a question is a numbered line such as "1. …" followed by options "- A. …")',
    );
  }

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
    contexts: b.contexts.map(({ continuesSet: _s, line: _l, ...c }) => c),
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
