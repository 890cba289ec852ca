import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

export const root = resolve(import.meta.dirname, '../../..');
/** The unprivileged user a branch PC runs the kiosk as; root reads through chmod 000, so the permission cases run as this. */
export const KIOSK_UID = 65534;
export const runsAsRoot = process.getuid?.() === 0;

export interface StartResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A TCP listener standing in for the central system: it counts who connects (a kiosk that started its central connection). */
export async function centralListener(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server: Server = createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { port, connections: () => connections, close: () => new Promise((r) => server.close(() => r())) };
}

/** An OPENBRANCH_HOME with a config whose central system is `centralPort` (no devices, no metrics port). */
export function kioskHome(centralPort: number): { home: string; config: string; data: string; file: string } {
  const home = mkdtempSync(join(tmpdir(), 'ob-start-'));
  const config = join(home, 'config.yaml');
  writeFileSync(
    config,
    stringify({
      central: { kind: 'sip2', host: '127.0.0.1', port: centralPort, user: 'kiosk', password: 'secret' },
      devices: [],
      metrics: { enabled: false },
    }),
    { mode: 0o644 },
  );
  const data = join(home, 'data');
  return { home, config, data, file: join(data, 'openbranch.sqlite') };
}

/** Hands a folder tree to the kiosk user (for the runs as that user). */
export function giveToKioskUser(path: string): void {
  if (!runsAsRoot) return;
  chownSync(path, KIOSK_UID, KIOSK_UID);
  if (statSync(path).isDirectory()) for (const f of readdirSync(path)) giveToKioskUser(join(path, f));
}

export function removeHome(home: string): void {
  spawnSync('chmod', ['-R', 'u+rwX', home]);
  rmSync(home, { recursive: true, force: true });
}

/**
 * Runs the real `openbranch start --web --port 0 --config FILE` in its own
 * process group and waits for it to exit. `wrap` puts a command in front
 * (unshare for a private tmpfs); `asKioskUser` drops root; `stopAt` sends
 * SIGTERM once stdout matches. The group is killed if it is still running
 * after the guard time, which fails the test.
 */
export function runStart(
  home: string,
  config: string,
  options: { readonly asKioskUser?: boolean; readonly wrap?: readonly string[]; readonly stopAt?: RegExp } = {},
): Promise<StartResult> {
  const node = [process.execPath, join(root, 'main/cli/bin.mjs'), 'start', '--web', '--port', '0', '--config', config];
  const argv = [...(options.wrap ?? []), ...node];
  const child: ChildProcess = spawn(argv[0]!, argv.slice(1), {
    cwd: root,
    detached: true,
    env: { ...process.env, OPENBRANCH_HOME: home, HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.asKioskUser && runsAsRoot ? { uid: KIOSK_UID, gid: KIOSK_UID } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
    // Started far enough: stop it the way systemd does.
    if (options.stopAt?.test(stdout) && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  });
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((done) => {
    const guard = setTimeout(() => {
      stderr += '\n[test] still running after 90 s: killed\n';
      killGroup(child);
    }, 90_000);
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      killGroup(child);
      done({ code, signal, stdout, stderr });
    });
  });
}

export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** `unshare` arguments that mount a private tmpfs of `size` over `dir`, run `setup` (sh), then the command. */
export function privateTmpfs(dir: string, size: string, setup: string): string[] {
  const script = `mount -t tmpfs -o size=${size},mode=0700 tmpfs "$0" && ${setup} && exec "$@"`;
  return ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', script, dir];
}
