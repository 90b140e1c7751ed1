import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const cliDir = resolve(import.meta.dirname, '..');
export const repoDir = resolve(cliDir, '../..');

/** Runs the `quizdeck` command in its own process, as users do, from `cwd` (INIT_CWD). */
export async function quizdeck(
  cwd: string,
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', resolve(cliDir, 'src/main.ts'), ...args],
      {
        cwd: cliDir,
        env: { ...process.env, INIT_CWD: cwd, NO_COLOR: '1' },
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}
