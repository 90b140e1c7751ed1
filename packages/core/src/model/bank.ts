import { z } from 'zod';
import { ContextSchema } from './context';
import type { Option } from './option';
import { type Question, QuestionSchema } from './question';
import { SlugSchema } from './slug';

const BankShape = z.object({
  id: SlugSchema,
  title: z.string().min(1),
  description: z.string().optional(),
  source: z.string().optional().describe('Where the questions come from'),
  tags: z.array(z.string().min(1)).default([]),
  contexts: z.array(ContextSchema).default([]),
  questions: z.array(QuestionSchema),
});

/** A problem a refinement found, at a path below the value it checked. */
export type RefinementIssue = { path: PropertyKey[]; message: string };

/**
 * The bank's cross-references, checked here so every format gets the same rules: unique ids, keys
 * among the options, contexts that exist and come before their use. Each problem goes to `add`.
 */
export function checkBankReferences(bank: Bank, add: (issue: RefinementIssue) => void): void {
  const contextIds = new Set<string>();
  bank.contexts.forEach((c, i) => {
    if (contextIds.has(c.id)) {
      add({
        path: ['contexts', i, 'id'],
        message: `duplicate context id "${c.id}"`,
      });
    }
    if (c.continues !== undefined && !contextIds.has(c.continues)) {
      add({
        path: ['contexts', i, 'continues'],
        message: `context "${c.id}" continues "${c.continues}", which is not an earlier context`,
      });
    }
    contextIds.add(c.id);
  });
  const questionIds = new Set<string>();
  bank.questions.forEach((q, i) => {
    if (questionIds.has(q.id)) {
      add({
        path: ['questions', i, 'id'],
        message: `duplicate question id "${q.id}"`,
      });
    }
    questionIds.add(q.id);
    if (q.context !== undefined && !contextIds.has(q.context)) {
      add({
        path: ['questions', i, 'context'],
        message: `unknown context "${q.context}"`,
      });
    }
    if (!keysAreSound(q)) checkQuestionKeys(q, i, add);
  });
}

/** A question's keys: distinct options, answer keys distinct and among them, several only with multiple. */
export function checkQuestionKeys(
  q: Pick<Question, 'options' | 'answer' | 'multiple'>,
  i: number,
  add: (issue: RefinementIssue) => void,
): void {
  const keys = new Set<string>();
  q.options.forEach((o, j) => {
    if (keys.has(o.key)) {
      add({
        path: ['questions', i, 'options', j, 'key'],
        message: `duplicate option ${o.key}`,
      });
    }
    keys.add(o.key);
  });
  q.answer.forEach((k, j) => {
    if (!keys.has(k)) {
      add({
        path: ['questions', i, 'answer', j],
        message: `key ${k} is not among the options (${[...keys].join(', ')})`,
      });
    }
  });
  if (new Set(q.answer).size !== q.answer.length) {
    add({
      path: ['questions', i, 'answer'],
      message: 'a key is listed twice',
    });
  }
  if (q.answer.length > 1 && !q.multiple) {
    add({
      path: ['questions', i, 'multiple'],
      message: 'a question with several keys must have multiple: true',
    });
  }
}

/**
 * True when checkQuestionKeys would find nothing wrong: a valid question skips its Sets. Pairwise
 * compares, so only for a few options and keys; the rest go to the checks.
 */
export function keysAreSound(q: Pick<Question, 'options' | 'answer' | 'multiple'>): boolean {
  const { options, answer } = q;
  if (options.length > FEW || answer.length > FEW || (answer.length > 1 && !q.multiple)) {
    return false;
  }
  for (let j = 0; j < options.length; j++) {
    const key = (options[j] as Option).key;
    for (let k = 0; k < j; k++) if ((options[k] as Option).key === key) return false;
  }
  for (let j = 0; j < answer.length; j++) {
    const key = answer[j];
    for (let k = 0; k < j; k++) if (answer[k] === key) return false;
    let found = false;
    for (let k = 0; k < options.length && !found; k++) found = (options[k] as Option).key === key;
    if (!found) return false;
  }
  return true;
}

const FEW = 8;

/** A question bank: its shape, then its cross-references (checkBankReferences). */
export const BankSchema = BankShape.superRefine((bank, ctx) =>
  checkBankReferences(bank, (issue) => ctx.addIssue({ code: 'custom', ...issue })),
);
export type Bank = z.infer<typeof BankSchema>;
export type BankInput = z.input<typeof BankSchema>;
