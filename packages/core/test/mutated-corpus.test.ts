import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainMarkdown } from '../src/formats/markdown/explain';
import { seededRandom } from '../src/index';
import { droppedLines } from './dropped-lines';

// Seeded mutations of the corpus (lines dropped, repeated, swapped, spliced from other quizzes):
// whatever the importer makes of them, it never throws and drops no line silently.
const dir = fileURLToPath(new URL('corpus/', import.meta.url));
const quizzes = readdirSync(dir)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => readFileSync(`${dir}${f}`, 'utf8').split('\n'));

function mutate(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const lines = [...pick(quizzes)];
  for (let m = 0; m < 1 + Math.floor(rand() * 6); m++) {
    const i = Math.floor(rand() * lines.length);
    const op = Math.floor(rand() * 4);
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, lines[i] ?? '');
    else if (op === 2) {
      const j = Math.floor(rand() * lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    } else lines.splice(i, 0, pick(pick(quizzes)));
  }
  return lines.join('\n');
}

describe('mutated corpus quizzes', () => {
  it('never throw and put every non-blank line in a field or a diagnostic', () => {
    const rand = seededRandom('corpus-mutations');
    for (let run = 0; run < 400; run++) {
      const text = mutate(rand);
      const x = explainMarkdown(text, 'm.md');
      expect(droppedLines(text, x), text).toEqual([]);
    }
  });
});
