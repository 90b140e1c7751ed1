import { hash } from 'node:crypto';

/** What Anki replaces in a member's note type when the package's `mod` is newer. */
export interface CardContent {
  name: string;
  fields: readonly string[];
  templates: readonly { name: string; qfmt: string; afmt: string }[];
  css: string;
}

export function cardContent(spec: CardContent): string {
  return JSON.stringify([
    spec.name,
    spec.fields,
    spec.templates.map((t) => [t.name, t.qfmt, t.afmt]),
    spec.css,
  ]);
}

/** sha256 of the card's content: templates (the card script is in the front), CSS, fields. */
export function cardContentHash(spec: CardContent): string {
  return hash('sha256', cardContent(spec));
}

/**
 * Every version of the card members may have imported, oldest first: its content hash and the
 * note type `mod` (seconds) it was exported with. Anki applies new templates and CSS only when the
 * package's `mod` is newer than its own, so a card change needs a new entry here with a later
 * `mod` (a test fails until it has one); entries are never edited or removed.
 */
export const NOTE_TYPE_VERSIONS: readonly { hash: string; mod: number; change: string }[] = [
  {
    hash: '24d16a2a82d07dc9f4fb6c5f788e894dd5c3a162872b96ea21189c59b4780656',
    mod: 1_764_000_000,
    change: 'first version',
  },
  {
    hash: 'ce06b216d402b0612a963282183ffd323a0cb6e8cfb253fd0e22635db18a6211',
    mod: 1_796_083_200,
    change:
      'option rows are tappable; a saved choice state that does not fit the options is dropped',
  },
];

/** The `mod` of this card content; the latest entry's when the content has none (a test fails). */
export function noteTypeMod(spec: CardContent): number {
  const contentHash = cardContentHash(spec);
  const entry = NOTE_TYPE_VERSIONS.find((v) => v.hash === contentHash) ?? NOTE_TYPE_VERSIONS.at(-1);
  return entry?.mod ?? 0;
}
