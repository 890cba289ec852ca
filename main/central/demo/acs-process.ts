import { fork } from 'node:child_process';
import type { Logger } from '../../../shared/logger.ts';
import type { DemoAcsOptions, Misbehaviour } from './acs-server.ts';
import type { DemoItem } from './data.ts';
import type { DemoCentral } from './demo-central.ts';

export type KioskToAcsMessage = { readonly misbehave: Misbehaviour } | { readonly item: { readonly id: number; readonly itemId: string } };

export type AcsChildMessage =
  | {
      readonly ready: {
        readonly host: string;
        readonly port: number;
        readonly oaiUrl?: string;
        readonly region: Readonly<Record<string, string>>;
      };
    }
  | { readonly failed: { readonly message: string; readonly code?: string } }
  | { readonly item: { readonly id: number; readonly found?: DemoItem } };

/** Where acs-child is and how Node runs it: compiled in dist/ on a branch PC, the TypeScript source through tsx in tests. */
export interface AcsChildModule {
  readonly path: string;
  readonly execArgv: readonly string[];
}

/** The options that cross to the child (plain data; the clock stays the real one). */
export type AcsChildOptions = Pick<DemoAcsOptions, 'port' | 'httpPort' | 'latencyMs' | 'timeZone' | 'host'>;

const STOP_GRACE_MS = 2000;

/**
 * Starts the demo central system in a child process (acs-child.ts) and
 * resolves once it listens, with the same face the in-process one has.
 * A port it cannot bind rejects with the child's reason. It ends with the
 * kiosk: `close()`, or the IPC channel closing when the kiosk dies.
 */
export function startDemoAcsProcess(module: AcsChildModule, options: AcsChildOptions, logger: Logger): Promise<DemoCentral> {
  return new Promise((resolve, reject) => {
    const child = fork(module.path, [JSON.stringify(options)], {
      execArgv: [...module.execArgv],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    const lookups = new Map<number, (item: DemoItem | undefined) => void>();
    let nextLookup = 0;
    let ready = false;
    let stopping = false;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const send = (m: KioskToAcsMessage) => {
      if (child.connected) child.send(m);
    };

    child.on('message', (m: AcsChildMessage) => {
      if ('failed' in m) reject(Object.assign(new Error(m.failed.message), m.failed.code ? { code: m.failed.code } : {}));
      else if ('item' in m) {
        lookups.get(m.item.id)?.(m.item.found);
        lookups.delete(m.item.id);
      } else if ('ready' in m) {
        ready = true;
        const { host, port, oaiUrl, region } = m.ready;
        resolve({
          host,
          port,
          oai: oaiUrl ? { url: oaiUrl } : undefined,
          region,
          misbehave: (mode) => send({ misbehave: mode }),
          item: (itemId) =>
            new Promise((done) => {
              if (!child.connected) return done(undefined);
              const id = nextLookup++;
              lookups.set(id, done);
              send({ item: { id, itemId } });
            }),
          close: async () => {
            stopping = true;
            if (child.exitCode !== null || child.signalCode !== null) return;
            if (child.connected) child.disconnect();
            const late = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
            await exited;
            clearTimeout(late);
          },
        });
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const done of lookups.values()) done(undefined);
      lookups.clear();
      const why = `the demo central system's process ended (${signal ?? code})${stderr.trim() ? `: ${stderr.trim()}` : ''}`;
      if (!ready) reject(new Error(why));
      else if (!stopping) logger.error({ code, signal }, `${why}; the kiosk works offline until it is restarted`);
    });
  });
}
