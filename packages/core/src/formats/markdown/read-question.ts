import { opensAnnotation, readAnnotation } from './annotations';
import type { Builder } from './builder';
import { type Item, type Para, toItems } from './items';
import { type AcceptedStatement, acceptedEntry, parseLetters, resolveKey } from './key';
import {
  isBlank,
  isBullet,
  isEmptyBullet,
  isPinnedText,
  type LetterCase,
  matchAccepted,
  matchOption,
  matchQuestionOption,
  type QuestionLine,
  saysSelectAll,
  startsOptions,
} from './lines';
import { endsPassage, opensPassage } from './passages';
import { headingOf, opensPassageAt, readPassage } from './read-passage';
import { classifyRemark, type RemarkKind, readLabel } from './remarks';

const QUESTION_KEYS = ['id', 'number', 'tags', 'check', 'multiple', 'context', 'pinned'];

interface Remark {
  kind: RemarkKind | undefined;
  parts: string[];
}
interface DraftOption {
  key: string;
  text: string;
  right: boolean;
  line: number;
}

/** Reads an accepted statement (`first`) and the bullet paragraphs after it; `used` counts those. */
function readAccepted(
  items: readonly Item[],
  from: number,
  inline: string,
  first: Para,
): { statement: AcceptedStatement; used: number } {
  const statement: AcceptedStatement = { line: first.start, entries: [] };
  const rest = first.text.split('\n').slice(1);
  if (inline !== '') {
    const letters = parseLetters(inline);
    // A lone letter may also be an option's whole text ("Answer: x"); resolveKey tries both.
    const alone = letters?.length === 1 ? { text: inline.replace(/\.$/, '') } : {};
    if (letters)
      for (const key of letters) statement.entries.push({ line: first.start, key, ...alone });
    else statement.entries.push({ line: first.start, text: inline.replace(/\.$/, '') });
  }
  // Lines under the statement, bulleted or not, are accepted option texts.
  rest.forEach((l, i) => {
    statement.entries.push(acceptedEntry(l, first.start + 1 + i));
  });
  let used = 0;
  if (inline === '' && rest.length === 0) {
    for (let k = from; k < items.length; k++) {
      const p = items[k];
      if (p?.type !== 'para') break;
      const ls = p.text.split('\n');
      if (!ls.every(isBullet)) break;
      ls.forEach((l, i) => {
        statement.entries.push(acceptedEntry(l, p.start + i));
      });
      used++;
    }
  }
  return { statement, used };
}

/** Reads one question block: lines[h] is its numbered line, `end` the next question's line. */
export function readQuestion(
  b: Builder,
  h: number,
  end: number,
  q: QuestionLine,
  sheltered: Set<number>,
): void {
  const { lines } = b;
  const label = `question ${q.number}`;
  const fields: Record<string, unknown> = {};
  const annotate = (start: number) => {
    const r = readAnnotation(lines, start);
    if ('error' in r) b.report('error', start, 'annotation', r.error);
    else Object.assign(fields, b.pick(r.annotation, QUESTION_KEYS, label));
    return 'error' in r ? r.end : r.annotation.end;
  };
  let firstOption = -1;
  let letters: LetterCase = 'upper';
  for (const want of ['upper', 'lower'] as const) {
    for (let i = h + 1; i < end && firstOption === -1; i++) {
      if (!sheltered.has(i) && startsOptions(lines[i] ?? '', want)) firstOption = i;
    }
    if (firstOption !== -1) {
      letters = want;
      break;
    }
  }
  const prompt = [q.text];
  const options: DraftOption[] = [];
  let i = h + 1;
  if (firstOption !== -1) {
    for (; i < firstOption; i++) {
      if (opensAnnotation(lines[i] ?? '')) i = annotate(i);
      else prompt.push(lines[i] ?? '');
    }
    while (i < end) {
      const line = lines[i] ?? '';
      const option = matchQuestionOption(line, letters);
      if (option) {
        const o = { ...option, line: i };
        i++;
        while (
          i < end &&
          /^[ \t]{2,}\S/.test(lines[i] ?? '') &&
          !matchQuestionOption(lines[i] ?? '', letters)
        ) {
          o.text += `\n${(lines[i] ?? '').trim()}`;
          i++;
        }
        options.push(o);
      } else if (isBlank(line) || isEmptyBullet(line)) i++;
      else if (opensAnnotation(line) && optionFollows(lines, i, end, letters)) i = annotate(i) + 1;
      else break;
    }
  }
  const issues: { line: number; message: string }[] = [];
  const items = toItems(lines, i, end, issues);
  for (const issue of issues) b.report('error', issue.line, 'annotation', issue.message);

  const remarks: Remark[] = [];
  let remark: Remark | undefined;
  let accepted: AcceptedStatement | undefined;
  let contextAfter = -1;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it === undefined) break;
    if (it.type === 'annotation') {
      if (opensPassageAt(items, k) && !isRemarkStart(items[k + 1] as Para)) {
        contextAfter = k;
        break;
      }
      Object.assign(fields, b.pick(it.annotation, QUESTION_KEYS, label));
      continue;
    }
    const inline = matchAccepted(firstLineOf(it.text));
    if (inline !== undefined) {
      const { statement, used } = readAccepted(items, k + 1, inline, it);
      if (accepted)
        b.report(
          'warning',
          it.start,
          'accepted-twice',
          `${label}: a second accepted-answer statement is ignored`,
        );
      else accepted = statement;
      k += used;
      remark = undefined;
      continue;
    }
    const labelled = readLabel(it.text);
    if (labelled) {
      remark = { kind: labelled.kind, parts: [labelled.text] };
      remarks.push(remark);
      continue;
    }
    // A labelled remark runs on over later paragraphs: a scenario-like one opens a passage only
    // right before the next question ("Answer the following" and headings always do).
    const last = k === items.length - 1;
    const opens =
      remark?.kind !== undefined && !last ? endsPassage(it.text) : opensPassage(it.text);
    if (headingOf(it) !== undefined || opens) {
      contextAfter = k;
      break;
    }
    it.text.split('\n').forEach((l, n) => {
      if (matchOption(l, letters))
        b.report(
          'warning',
          it.start + n,
          'stray-option',
          `${label}: option-like line after the question's notes is kept as text`,
        );
    });
    if (remark) remark.parts.push(it.text);
    else {
      remark = { kind: undefined, parts: [it.text] };
      remarks.push(remark);
    }
  }

  const line = lines[h] ?? '';
  const draft = {
    fields,
    label,
    line: h,
    col: Math.max(line.search(/\d/), 0) + 1,
    optionLines: options.map((o) => o.line),
    flagged: false,
  };
  const key = resolveKey(options, accepted, label, h);
  for (const issue of key.issues) b.report('error', issue.line, 'key', issue.message);
  draft.flagged = key.issues.length > 0;

  const keyed = options.filter((o) => key.answer.includes(o.key)).map((o) => o.text);
  const notes: { kind: string; text: string }[] = [];
  if (key.disagreement) notes.push({ kind: 'comment', text: key.disagreement });
  const explanations: string[] = [];
  for (const r of remarks) {
    const text = r.parts.filter((p) => p.trim() !== '').join('\n\n');
    if (text === '') continue;
    const kind = r.kind ?? classifyRemark(text, keyed);
    if (kind === 'explanation') explanations.push(text);
    else notes.push({ kind, text });
  }
  const promptText = prompt.join('\n').trim();
  const pinned = Array.isArray(fields.pinned) ? fields.pinned : [];
  const contextField = 'context' in fields ? fields.context : b.currentContext;
  draft.fields = {
    id: fields.id ?? `q${q.number}`,
    ...(fields.number === null
      ? {}
      : { number: fields.number === undefined ? q.number : String(fields.number) }),
    ...(contextField !== undefined && contextField !== null ? { context: contextField } : {}),
    prompt: promptText,
    options: options.map((o) => ({
      key: o.key,
      text: o.text,
      ...(isPinnedText(o.text) || pinned.includes(o.key) ? { pinned: true } : {}),
    })),
    answer: key.answer,
    multiple: fields.multiple ?? (key.answer.length > 1 || saysSelectAll(promptText)),
    ...(explanations.length > 0 ? { explanation: explanations.join('\n\n') } : {}),
    notes,
    ...(fields.tags !== undefined ? { tags: fields.tags } : {}),
    ...(fields.check !== undefined ? { check: fields.check } : {}),
  };
  b.questions.push(draft);

  for (let k = contextAfter; k !== -1 && k < items.length; ) {
    const it = items[k];
    k =
      it?.type === 'annotation'
        ? readPassage(b, items, k + 1, it.annotation)
        : readPassage(b, items, k);
  }
}

/** True when the comment at lines[i] sits among the options (the next text line is an option). */
function optionFollows(
  lines: readonly string[],
  i: number,
  end: number,
  letters: LetterCase,
): boolean {
  let k = i;
  while (k < end && !(lines[k] ?? '').includes('-->')) k++;
  for (k++; k < end; k++) {
    const line = lines[k] ?? '';
    if (!isBlank(line) && !isEmptyBullet(line))
      return matchQuestionOption(line, letters) !== undefined;
  }
  return false;
}

const firstLineOf = (text: string) => {
  const nl = text.indexOf('\n');
  return nl === -1 ? text : text.slice(0, nl);
};

/** A paragraph that stays with the question even right after a comment: a label or a key statement. */
function isRemarkStart(p: Para): boolean {
  return readLabel(p.text) !== undefined || matchAccepted(firstLineOf(p.text)) !== undefined;
}
