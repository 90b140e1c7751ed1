import type { ApkgMedia, NoteRow } from '../apkg';
import { type RowBlock, unpackRows } from './row-block';

/** A bank's rows as its thread sends them, until drained. */
export class RowStream {
  readonly #blocks: RowBlock[] = [];
  #media: ApkgMedia[] | undefined;
  #error: Error | undefined;
  #wake: (() => void) | undefined;
  #taken = false;

  push(block: RowBlock): void {
    this.#blocks.push(block);
    this.#wake?.();
  }

  end(outcome: { media: ApkgMedia[] } | { error: Error }): void {
    if ('media' in outcome) this.#media = outcome.media;
    else this.#error = outcome.error;
    this.#wake?.();
  }

  async drain(deck: string, onRows: (rows: NoteRow[]) => void): Promise<ApkgMedia[]> {
    if (this.#taken) throw new Error("a pooled bank's rows are sent once");
    this.#taken = true;
    for (;;) {
      for (let block = this.#blocks.shift(); block; block = this.#blocks.shift()) {
        onRows(unpackRows(block, deck));
      }
      if (this.#error) throw this.#error;
      if (this.#media) return this.#media;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }
}
