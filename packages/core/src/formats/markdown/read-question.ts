import { type Annotation, opensAnnotation, readAnnotation } from './annotations';
import { matchAnswerLine, nearMissAnswer } from './answer-line';
import type { Builder } from './builder';
import { isDetails, readDetailsKey } from './details-key';
import { type Item, type ItemIssue, type LineSet, type Para, toItems } from './items';
import { type AcceptedStatement, acceptedEntry, givesKey } from './key';
import { firstDigit, isBlank, isBullet, type QuestionLine } from './lines';
import { isLetteredBullet } from './option-line';
import { endsPassage, opensPassage } from './passages';
import { joinParts, noteField, optionField, promptText, questionFields } from './question-fields';
import { decideKey } from './question-key';
import { type DraftOption, readOptions } from './question-options';
import { headingOf, opensPassageAt, readPassage } from './read-passage';
import { classifyRemark, type RemarkKind, readerKind, readLabel, unquote } from './remarks';

const QUESTION_KEYS = ['id', 'number', 'tags', 'check', 'multiple', 'context', 'pinned'];

interface Remark {
  kind: RemarkKind | undefined;
  parts: string[];
  lines: [number, number][];
}

const firstLineOf = (text: string) => {
  const nl = text.indexOf('\n');
  return nl === -1 ? text : text.slice(0, nl);
};

/** A paragraph that stays with the question even right after a comment: a label or a key statement. */
function isRemarkStart(p: Para): boolean {
  return readLabel(p.text) !== undefined || matchAnswerLine(firstLineOf(p.text)) !== undefined;
}

/** Reads one question block: lines[h] is its numbered line, `end` the next question's line. */
export function readQuestion(
  b: Builder,
  h: number,
  end: number,
  q: QuestionLine,
  sheltered: LineSet,
  endKey: AcceptedStatement | undefined,
): void {
  const { lines } = b;
  const label = `question ${q.number}`;
  let fields: Record<string, unknown> = {};
  // The line of the comment that set each key; while one comment set them all, only its line.
  let setAt: Record<string, number> | undefined;
  let firstAt = -1;
  let flagged = false;
  const merge = (a: Annotation) => {
    const picked = b.pick(a, QUESTION_KEYS, label);
    if (firstAt === -1) {
      // The first comment: nothing to conflict with, its keys are the fields.
      fields = picked;
      firstAt = a.start;
      return;
    }
    if (setAt === undefined) {
      setAt = {};
      for (const key of Object.keys(fields)) setAt[key] = firstAt;
    }
    for (const key of Object.keys(picked)) {
      const value = picked[key];
      if (key in fields && JSON.stringify(fields[key]) !== JSON.stringify(value)) {
        b.report(
          'error',
          a.start,
          'annotation-conflict',
          `${label}: two quizdeck comments set "${key}" differently (${JSON.stringify(fields[key])} at line ${(setAt[key] ?? 0) + 1}, ${JSON.stringify(value)} here)`,
        );
        flagged = true;
      } else {
        fields[key] = value;
        setAt[key] = a.start;
      }
    }
  };
  const annotate = (start: number) => {
    const r = readAnnotation(lines, start);
    if (!('error' in r)) {
      merge(r.annotation);
      return r.annotation.end;
    }
    b.reportCommentIssues([{ line: start, end: Math.min(r.end, end - 1), message: r.error }]);
    flagged = true;
    return r.end;
  };

  b.place(h, h, 'prompt');
  const block = readOptions(lines, h, end, sheltered);
  const prompt = [q.text];
  let i = h + 1;
  // Without options the prompt is the question line's paragraph (or, under a heading question, the
  // paragraph after it); with options, every line up to them.
  const promptEnd = block.promptEnd !== -1 ? block.promptEnd : end;
  let seenText = q.text !== '';
  for (; i < promptEnd; i++) {
    const line = lines[i] ?? '';
    if (opensAnnotation(line)) {
      i = annotate(i);
      continue;
    }
    if (block.promptEnd === -1) {
      if (isBlank(line) && seenText) break;
      if (seenText && matchAnswerLine(line) !== undefined) break;
    }
    if (!isBlank(line)) {
      seenText = true;
      b.place(i, i, 'prompt');
    }
    prompt.push(line);
  }
  for (const o of block.options) b.place(o.line, o.line, optionField(o.key));
  for (const a of block.annotations) if (opensAnnotation(lines[a] ?? '')) annotate(a);
  if (block.promptEnd !== -1) {
    for (let k = block.promptEnd; k < block.next; k++)
      if (b.fieldOf[k] === undefined && !isBlank(lines[k] ?? '')) {
        const prev = b.fieldOf[k - 1];
        b.place(k, k, prev?.startsWith('option') ? prev : 'separator');
      }
    i = block.next;
  }

  const issues: ItemIssue[] = [];
  const items = toItems(lines, i, end, issues);
  if (b.reportCommentIssues(issues)) flagged = true;

  const remarks: Remark[] = [];
  const statements: AcceptedStatement[] = [];
  const explanations: string[] = [];
  let remark: Remark | undefined;
  let nearMiss: number | undefined;
  let contextAfter = -1;
  const addRemark = (kind: RemarkKind | undefined, text: string, it: Para, fresh: boolean) => {
    if (remark && !fresh) {
      remark.parts.push(text);
      remark.lines.push([it.start, it.end]);
    } else {
      remark = { kind, parts: [text], lines: [[it.start, it.end]] };
      remarks.push(remark);
    }
  };
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it === undefined) break;
    if (it.type === 'annotation') {
      if (opensPassageAt(items, k) && !isRemarkStart(items[k + 1] as Para)) {
        contextAfter = k;
        break;
      }
      merge(it.annotation);
      continue;
    }
    if (isDetails(it.text)) {
      b.place(it.start, it.end, 'key');
      const details = readDetailsKey(it.text, it.start);
      statements.push(details.statement);
      if (details.explanation !== undefined) explanations.push(details.explanation);
      remark = undefined;
      continue;
    }
    const head = firstLineOf(it.text);
    const answer = matchAnswerLine(head);
    if (answer !== undefined) {
      const statement: AcceptedStatement = {
        line: it.start,
        inline: answer.rest,
        entries: [],
        source: `line ${it.start + 1}`,
      };
      const rest = it.text.split('\n').slice(1);
      rest.forEach((l, n) => {
        statement.entries.push(acceptedEntry(l, it.start + 1 + n));
      });
      b.place(it.start, it.end, 'key');
      if (answer.rest === '' && rest.length === 0) {
        for (let n = k + 1; n < items.length; n++) {
          const p = items[n];
          if (p?.type !== 'para' || !p.text.split('\n').every(isBullet)) break;
          p.text.split('\n').forEach((l, j) => {
            statement.entries.push(acceptedEntry(l, p.start + j));
          });
          b.place(p.start, p.end, 'key');
          k = n;
        }
      }
      if (answer.solution && !givesKey(answer.rest, block.options)) {
        b.place(it.start, it.end, 'explanation');
        addRemark('explanation', it.text.replace(/^[^:]*:\s*/, ''), it, true);
        continue;
      }
      statements.push(statement);
      remark = undefined;
      continue;
    }
    const near = nearMissAnswer(head);
    if (near !== undefined) {
      nearMiss ??= it.start;
      b.report(
        'warning',
        it.start,
        'near-key',
        `${label}: "${head.trim()}" is read as a comment, not as the key; to give the key write "${near}"`,
      );
      addRemark('comment', it.text, it, true);
      remark = undefined;
      continue;
    }
    const quoted = unquote(it.text);
    if (quoted !== undefined) {
      const inner = readLabel(quoted);
      const text = inner?.text ?? quoted;
      addRemark(inner?.kind === 'explanation' ? 'explanation' : readerKind(text), text, it, true);
      remark = undefined;
      continue;
    }
    const labelled = readLabel(it.text);
    if (labelled) {
      addRemark(labelled.kind ?? readerKind(labelled.text), labelled.text, it, true);
      continue;
    }
    // A labelled remark runs on over later paragraphs: a scenario-like one opens a passage only
    // right before the next question ("Answer the following" and headings always do).
    const last = k === items.length - 1;
    const current = remark as Remark | undefined;
    const opens =
      current?.kind !== undefined && !last ? endsPassage(it.text) : opensPassage(it.text);
    if (headingOf(it) !== undefined || opens) {
      contextAfter = k;
      break;
    }
    for (let n = it.start; n <= it.end; n++) {
      if (isLetteredBullet(lines[n] ?? ''))
        b.report(
          'warning',
          n,
          'stray-option',
          `${label}: option-like line after the question's notes is kept as text`,
        );
    }
    addRemark(undefined, it.text, it, false);
  }

  const line = lines[h] ?? '';
  const draft = {
    fields,
    label,
    line: h,
    col: firstDigit(line) + 1,
    end: end - 1,
    optionLines: block.options.map((o) => o.line),
    flagged,
  };
  const key = decideKey(b, block.options, statements, endKey, label, nearMiss ?? h);
  draft.flagged ||= key.failed;
  if (key.reason) explanations.unshift(key.reason);

  let keyed: string[] | undefined;
  const notes: { kind: string; text: string }[] = [];
  if (key.disagreement) notes.push({ kind: 'comment', text: key.disagreement });
  for (const r of remarks) {
    const text = joinParts(r.parts);
    let kind = r.kind;
    if (kind === undefined) {
      keyed ??= keyedTexts(block.options, key.answer);
      kind = classifyRemark(text, keyed);
    }
    const field = kind === 'explanation' ? 'explanation' : noteField(kind);
    for (const [from, to] of r.lines) b.place(from, to, field);
    if (text === '') continue;
    if (kind === 'explanation') explanations.push(text);
    else notes.push({ kind, text });
  }
  draft.fields = questionFields({
    number: q.number,
    set: fields,
    prompt: promptText(prompt),
    options: block.options,
    answer: key.answer,
    explanations,
    notes,
  });
  b.questions.push(draft);

  for (let k = contextAfter; k !== -1 && k < items.length; ) {
    const it = items[k];
    k =
      it?.type === 'annotation'
        ? readPassage(b, items, k + 1, it.annotation)
        : readPassage(b, items, k);
  }
}

/** The texts of the options the key picks. */
const keyedTexts = (options: readonly DraftOption[], answer: readonly string[]) =>
  options.filter((o) => answer.includes(o.key)).map((o) => o.text);

export type { Item };
