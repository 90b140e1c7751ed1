// Generated banks on disk, as a group keeps them: `count` questions split over `files` files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBank, serializeBank } from '@quizdeck/core';

/** Writes the banks in a new temporary folder and returns their paths. */
export function writeBankFiles(count: number, files: number, format: 'md' | 'json'): string[] {
  const dir = mkdtempSync(join(tmpdir(), `quizdeck-bench-${format}-`));
  return Array.from({ length: files }, (_, i) => {
    const questions = Math.floor(count / files) + (i < count % files ? 1 : 0);
    const bank = {
      ...generateBank({ count: questions, seed: `bench-${i}` }),
      id: `drills-${i}`,
      title: `Drills ${i}`,
    };
    const file = join(dir, `drills-${i}.${format}`);
    writeFileSync(file, serializeBank(bank, format));
    return file;
  });
}
