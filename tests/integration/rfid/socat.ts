import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyPair {
  readonly a: string;
  readonly b: string;
  readonly process: ChildProcess;
  /** Kills this socat (by its PID) and waits for it to exit: both ptys close. */
  stop(): Promise<void>;
}

/** A socat pty pair with stable link names in `dir`; start it from the test, stop it in teardown. */
export async function startPtyPair(dir: string): Promise<PtyPair> {
  const a = join(dir, 'ttyReader');
  const b = join(dir, 'ttySim');
  const child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  while (!(existsSync(a) && existsSync(b))) {
    if (Date.now() - started > 5000) {
      child.kill('SIGKILL');
      throw new Error('socat did not create the pty pair');
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    a,
    b,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
