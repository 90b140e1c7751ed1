import { hash } from 'node:crypto';
import { stripHtmlPreservingMedia } from './strip-html';

// Anki's guid alphabet (anki/utils.py base91): letters, digits and these punctuation marks.
const BASE91 =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** The first `digits` (at most 13) hex digits of the text's sha1, as an integer. */
function sha1Prefix(text: string, digits: number): number {
  // One-shot hash: cheaper than createHash().update().digest() on short strings (docs/anki.md);
  // hex costs less than a Buffer per hash.
  return Number.parseInt(hash('sha1', text, 'hex').slice(0, digits), 16);
}

/** Anki-style guid (base91 of 64 bits), stable for a bank id + question id. */
export function noteGuid(bankId: string, questionId: string): string {
  const digest = hash('sha1', `quizdeck\u0000${bankId}\u0000${questionId}`, 'hex');
  // The first 64 bits, divided by 91 as two 32-bit halves in doubles (each step stays below 2^53):
  // the same digits as BigInt division, at a fraction of its cost.
  let hi = Number.parseInt(digest.slice(0, 8), 16);
  let lo = Number.parseInt(digest.slice(8, 16), 16);
  let out = '';
  while (hi > 0 || lo > 0) {
    const rest = (hi % 91) * 2 ** 32 + lo;
    hi = Math.floor(hi / 91);
    lo = Math.floor(rest / 91);
    out = BASE91[rest % 91] + out;
  }
  return out;
}

/** Anki's own deck, which every collection has. */
export const DEFAULT_DECK = { id: 1, name: 'Default' } as const;

/** Deck id from the full deck name (`Parent::Child`), so re-exports land in the same deck. */
export function deckId(name: string): number {
  if (name === DEFAULT_DECK.name) return DEFAULT_DECK.id;
  // A positive safe integer (below 2^48) that never collides with Anki's Default deck (1).
  return 2 ** 40 + (sha1Prefix(`quizdeck-deck\u0000${name}`, 12) % 2 ** 47);
}

/**
 * Stable ids for a note type's fields and templates (Anki 23.10+ matches them by id when it
 * updates a note type), from the note type id and the name.
 */
export function schemaId(noteTypeId: number, kind: 'field' | 'template', name: string): number {
  return sha1Prefix(`quizdeck-${kind}\u0000${noteTypeId}\u0000${name}`, 12);
}

/** Anki's field checksum: first 8 hex digits of sha1 of the HTML-stripped field, as an integer. */
export function fieldChecksum(field: string): number {
  return textChecksum(stripHtmlPreservingMedia(field));
}

/** fieldChecksum of a field already stripped of HTML. */
export function textChecksum(stripped: string): number {
  return sha1Prefix(stripped, 8);
}
