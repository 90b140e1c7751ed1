import { type ChildProcess, spawn } from 'node:child_process';

/** A program started by a test: its stderr as it comes, and its exit code once it exits. */
export interface Spawned {
  child: ChildProcess;
  out: { log: string };
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];

export function spawnLogged(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Spawned {
  // A process group of its own, so a leftover is killed with what it started (pnpm's child).
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  started.push(child);
  const out = { log: '' };
  child.stderr?.on('data', (d: Buffer) => {
    out.log += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { child, out, exited };
}

/** For afterAll: whatever a failed test left running. */
export function killLeftovers(): void {
  for (const c of started) {
    if (c.exitCode !== null || c.signalCode !== null || c.pid === undefined) continue;
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
