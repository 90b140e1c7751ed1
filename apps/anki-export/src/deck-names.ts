import { DEFAULT_DECK } from './apkg';
import { AnkiExportError } from './errors';

/**
 * Deck names as Anki compares them: `::` separates levels, no level is empty, and case does not
 * count. The first spelling of a name (at each level) is the one every later one becomes, and any
 * spelling of "Default" at the top is Anki's own Default deck, so a package never holds two decks
 * that Anki would take for one.
 */
export class DeckNames {
  readonly #spelling = new Map<string, string>([
    [DEFAULT_DECK.name.toLowerCase(), DEFAULT_DECK.name],
  ]);

  /** The deck's name in this package; `source` names where it came from, for the message. */
  name(name: string, source: string): string {
    const parts = name.split('::').map((p) => p.trim());
    if (parts.some((p) => p === '')) {
      throw new AnkiExportError(
        'DECK_NAME',
        `${source}: deck name "${name}" has an empty level (write "Parent::Child")`,
      );
    }
    let path = '';
    for (const part of parts) {
      const candidate = path === '' ? part : `${path}::${part}`;
      const key = candidate.toLowerCase();
      path = this.#spelling.get(key) ?? candidate;
      this.#spelling.set(key, path);
    }
    return path;
  }
}
