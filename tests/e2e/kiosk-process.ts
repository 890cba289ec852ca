import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

export interface KioskProcess {
  readonly url: string;
  readonly port: number;
  readonly home: string;
  readonly output: () => string;
  /** Resolves with the exit code (null when ended by a signal) when the process ends. */
  readonly exited: Promise<number | null>;
  /** Sends a signal to the kiosk process. */
  signal(name: NodeJS.Signals): void;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Starts the real `openbranch start --web` as a child process (the same
 * command a branch PC runs) in its own OPENBRANCH_HOME, and waits for the
 * printed URL line.
 */
export async function startKioskProcess(
  options: { port?: number; config?: Record<string, unknown>; env?: Record<string, string> } = {},
): Promise<KioskProcess> {
  const home = mkdtempSync(join(tmpdir(), 'ob-e2e-'));
  const args = ['main/cli/bin.mjs', 'start', '--web', '--port', String(options.port ?? 0)];
  if (options.config) {
    const file = join(home, 'config.yaml');
    writeFileSync(file, stringify(options.config), { mode: 0o600 });
    args.push('--config', file);
  }
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, OPENBRANCH_HOME: home, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /^OpenBranch kiosk: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    home,
    output: () => out,
    exited,
    signal: (name) => void child.kill(name),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
