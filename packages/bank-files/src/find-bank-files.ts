import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const BANK_FILE_RE = /\.(?:md|markdown|quiz\.ya?ml|quiz\.json)$/i;

/**
 * Bank files under a folder (recursively, sorted), skipping dot folders and node_modules, as paths
 * relative to the folder (`a.md`, `sub/b.quiz.yaml`), so callers can name them as the user would.
 */
export async function findBankFiles(folder: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(join(folder, prefix), { withFileTypes: true });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = join(prefix, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules')
        out.push(...(await findBankFiles(folder, rel)));
    } else if (BANK_FILE_RE.test(e.name)) out.push(rel);
  }
  return out;
}
