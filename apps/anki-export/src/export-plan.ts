import type { NoteTypeSpec } from './apkg';
import { collectionJson } from './apkg/collection-json';
import { collectionRow, collectionRowFitsPage } from './apkg/collection-template';
import { DeckNames } from './deck-names';
import { AnkiExportError } from './errors';
import type { ExportBank } from './export-deck';

/** What an export needs of a bank before it writes its notes. */
export const bankSummary = (b: ExportBank) =>
  'bank' in b ? { id: b.bank.id, title: b.bank.title, count: b.bank.questions.length } : b;

/** The bank's deck: `deck` for all of them, else its title (`names` keeps Anki's spelling). */
const deckOf = (names: DeckNames, b: ExportBank, deck: string | undefined) =>
  names.name(deck ?? bankSummary(b).title, deck === undefined ? b.file : '--deck');

/** Every bank's deck, in order, once no two banks share an id (their notes would share GUIDs). */
export function planDecks(
  banks: readonly ExportBank[],
  deck: string | undefined,
): { jobs: { source: ExportBank; deck: string }[]; names: DeckNames } {
  const seen = new Map<string, string>();
  for (const b of banks) {
    const { id } = bankSummary(b);
    const other = seen.get(id);
    if (other !== undefined) {
      throw new AnkiExportError(
        'BANK_DUPLICATE',
        `${b.file}: bank id "${id}" is also the id of ${other}; notes would share GUIDs`,
      );
    }
    seen.set(id, b.file);
  }
  const names = new DeckNames();
  return { jobs: banks.map((source) => ({ source, deck: deckOf(names, source, deck) })), names };
}

/**
 * Banks written as they load, before the checks that need them all (planDecks, the previous
 * export): the first bank those checks could refuse stops them, as does an error writing one,
 * which is thrown after the checks. Their deck names, ids and GUIDs come out as planDecks gives
 * them, from the same banks in the same order.
 */
export class EarlyBanks {
  /** Banks written, from the first. */
  written = 0;
  #stopped = false;
  #error: { thrown: unknown } | undefined;
  readonly #deck: string | undefined;
  readonly #names = new DeckNames();
  readonly #ids = new Set<string>();
  readonly #decks: string[] = [];
  #count = 0;

  constructor(deck: string | undefined) {
    this.#deck = deck;
  }

  /** The bank's deck, if it is to be written now (its rows rendered as this export's). */
  next(b: ExportBank, sameOptions: boolean): string | undefined {
    if (this.#stopped) return undefined;
    const { id, count } = bankSummary(b);
    if (this.#ids.has(id) || !sameOptions) return this.stop();
    this.#ids.add(id);
    let deck: string;
    try {
      deck = deckOf(this.#names, b, this.#deck);
    } catch {
      return this.stop(); // thrown by planDecks, in its turn
    }
    this.#decks.push(deck);
    this.#count += count;
    return deck;
  }

  /**
   * The collection's header for the banks so far fits its page (ApkgWriter inserts such a header
   * after the notes at no cost); a larger one, and the notes written so far are copied.
   */
  headerFits(noteType: NoteTypeSpec, time: number): boolean {
    const { header } = collectionJson(noteType, this.#decks, this.#count, time);
    return collectionRowFitsPage(collectionRow(header));
  }

  stop(): undefined {
    this.#stopped = true;
    return undefined;
  }

  fail(error: unknown): void {
    this.#error ??= { thrown: error };
    this.stop();
  }

  /** The error that stopped the early writing, if any. */
  rethrow(): void {
    if (this.#error) throw this.#error.thrown;
  }
}
