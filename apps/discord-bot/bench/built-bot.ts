import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/** The node flags of the package's `start` script: the built bot runs as in production. */
export const startFlags = (pkg.scripts.start ?? '')
  .split(/\s+/)
  .filter((t) => t.startsWith('--') && !t.startsWith('--env-file'));

/** A process's resident memory now (`VmRSS`) or at its peak (`VmHWM`), in kB, from /proc. */
export const rssKb = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
};
