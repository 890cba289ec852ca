import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { until } from '../support/patience.ts';
import { groupAlive } from '../support/process-alive.ts';

export interface KioskProcess {
  /** Also the id of its process group. */
  readonly pid: number;
  readonly url: string;
  readonly port: number;
  readonly home: string;
  readonly output: () => string;
  /** Resolves with the exit code (null when ended by a signal) when the process ends. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '../..');
/** How long a loaded CI machine may take to print the URL, and to stop after SIGTERM. */
const START_PATIENCE_MS = 60_000;
const STOP_PATIENCE_MS = 10_000;

/** Process groups of every kiosk started and not yet stopped: killed when this process exits. */
const running = new Set<number>();
process.once('exit', () => {
  for (const pgid of running) killGroup(pgid, 'SIGKILL');
});

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/**
 * Starts the real, compiled `openbranch start --web` as a child process
 * (the same command a branch PC runs) in its own OPENBRANCH_HOME and its own
 * process group, on ports the OS picks (web and metrics), and waits for the
 * printed URL line. Whatever happens (no URL, an early exit, a failed test
 * that still calls stop(), this process exiting), the whole group is killed.
 */
export async function startKioskProcess(
  options: { port?: number; config?: Record<string, unknown>; env?: Record<string, string>; startPatienceMs?: number } = {},
): Promise<KioskProcess> {
  const home = mkdtempSync(join(tmpdir(), 'ob-e2e-'));
  const args = ['main/cli/bin.mjs', 'start', '--web', '--port', String(options.port ?? 0), '--metrics-port', '0'];
  if (options.config) {
    const file = join(home, 'config.yaml');
    writeFileSync(file, stringify(options.config), { mode: 0o600 });
    args.push('--config', file);
  }
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, OPENBRANCH_HOME: home, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pgid = child.pid!;
  running.add(pgid);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(pgid, 'SIGTERM');
      const patience = setTimeout(() => killGroup(pgid, 'SIGKILL'), STOP_PATIENCE_MS);
      await exited;
      clearTimeout(patience);
    }
    killGroup(pgid, 'SIGKILL'); // anything the kiosk itself started
    try {
      // The kiosk's own children (the demo central system, a harvest) outlive it by a moment, until reaped.
      await until(() => !groupAlive(pgid), 2000, `process group ${pgid} gone after SIGKILL`);
    } finally {
      running.delete(pgid);
      rmSync(home, { recursive: true, force: true });
    }
  };

  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const patience = options.startPatienceMs ?? START_PATIENCE_MS;
      const timer = setTimeout(() => reject(new Error(`kiosk printed no URL within ${patience} ms:\n${out}`)), patience);
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
    return { pid: pgid, url, port: Number(new URL(url).port), home, output: () => out, exited, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
