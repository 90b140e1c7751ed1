import { z } from 'zod';
import { LIMITS } from '../discord/limits';

/**
 * A review button's custom_id: what the click means, within Discord's length limit, with no state of the
 * process in it. The question, bank and member live in the prompt's row in the store (`promptId`),
 * so a button survives a restart; the picks of a several-answer question live in the id itself.
 *
 * - `qd:rv:p:<prompt>:<letter>`: answer a single-answer question with that letter
 * - `qd:rv:t:<prompt>:<picks>:<letter>`: toggle a letter on a several-answer question
 * - `qd:rv:s:<prompt>:<picks>`: submit the picks (may be empty: "none of them")
 * - `qd:rv:n:<prompt>`: the next due question, with the same bank filter as that prompt
 */
export type ReviewAction =
  | { kind: 'pick'; promptId: number; letter: string }
  | { kind: 'toggle'; promptId: number; picks: string; letter: string }
  | { kind: 'submit'; promptId: number; picks: string }
  | { kind: 'next'; promptId: number };

const PREFIX = 'qd:rv:';
const Prompt = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Letter = z.string().regex(/^[A-Z]$/);
// Sorted, each letter once: one id per set of picks.
const Picks = z
  .string()
  .regex(/^[A-Z]{0,26}$/)
  .refine((p) => p === normalisePicks(p), 'picks sorted, each once');

/** Letters sorted, each once. */
export const normalisePicks = (letters: string): string => [...new Set(letters)].sort().join('');

/** The picks after toggling `letter`. */
export const togglePick = (picks: string, letter: string): string =>
  normalisePicks(picks.includes(letter) ? picks.replace(letter, '') : picks + letter);

export function reviewCustomId(action: ReviewAction): string {
  switch (action.kind) {
    case 'pick':
      return `${PREFIX}p:${action.promptId}:${action.letter}`;
    case 'toggle':
      return `${PREFIX}t:${action.promptId}:${action.picks}:${action.letter}`;
    case 'submit':
      return `${PREFIX}s:${action.promptId}:${action.picks}`;
    case 'next':
      return `${PREFIX}n:${action.promptId}`;
  }
}

export const isReviewCustomId = (id: string): boolean => id.startsWith(PREFIX);

/** Parses a custom_id from a click (untrusted: any client can send any id); undefined if malformed. */
export function parseReviewCustomId(id: string): ReviewAction | undefined {
  if (!isReviewCustomId(id) || id.length > LIMITS.customId) return undefined;
  const [kind, ...rest] = id.slice(PREFIX.length).split(':');
  const promptId = Prompt.safeParse(rest[0]);
  if (!promptId.success) return undefined;
  const p = promptId.data;
  if (kind === 'p' && rest.length === 2) {
    const letter = Letter.safeParse(rest[1]);
    return letter.success ? { kind: 'pick', promptId: p, letter: letter.data } : undefined;
  }
  if (kind === 't' && rest.length === 3) {
    const picks = Picks.safeParse(rest[1]);
    const letter = Letter.safeParse(rest[2]);
    if (!picks.success || !letter.success) return undefined;
    return { kind: 'toggle', promptId: p, picks: picks.data, letter: letter.data };
  }
  if (kind === 's' && rest.length === 2) {
    const picks = Picks.safeParse(rest[1]);
    return picks.success ? { kind: 'submit', promptId: p, picks: picks.data } : undefined;
  }
  if (kind === 'n' && rest.length === 1) return { kind: 'next', promptId: p };
  return undefined;
}
