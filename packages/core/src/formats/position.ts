/** A 1-based line and column in a bank file. */
export interface Position {
  line: number;
  col: number;
}

/** Where each question and context of a parsed bank starts, by id. */
export interface BankLocations {
  questions: Record<string, Position>;
  contexts: Record<string, Position>;
}

/** Where each line of a text starts (0 first): after each `\n`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Maps offsets in a text to 1-based line/column positions; scans the text when first asked. */
export class LineIndex {
  #starts: ArrayLike<number> | undefined;
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  /** The text's lineStarts, when a scan of it already found them. */
  knowStarts(starts: ArrayLike<number>): void {
    this.#starts ??= starts;
  }
  at(offset: number): Position {
    this.#starts ??= lineStarts(this.#text);
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (starts[lo] ?? 0) + 1 };
  }
}
