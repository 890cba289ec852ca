import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LcusSimulator } from '../../../devices/door/lcus-simulator.ts';
import { type RunningKiosk, startKiosk } from '../../../main/app/start-kiosk.ts';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { type DemoAcs, startDemoAcs } from '../../../main/central/index.ts';
import { centralSchema, type Sip2Config } from '../../../shared/config/central.ts';
import { configSchema, type KioskConfigInput } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { type PtyPair, ptyPair } from '../devices/fixtures/pty.ts';
import { BridgeClient } from './bridge-client.ts';
import { Sip2Tap } from './sip2-tap.ts';

/** Everything a test started, stopped in reverse order (also when the test failed). */
export class Cleanups {
  private readonly steps: (() => Promise<void> | void)[] = [];
  add(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step();
  }
}

export const TECHNICIAN_PIN = '135792';

export interface Branch {
  readonly kiosk: RunningKiosk;
  readonly bridge: BridgeClient;
  /** The LCUS relay board at the far end of the lock's serial port. */
  readonly board: LcusSimulator;
  /** The lock's serial line (unplug and replug it). */
  readonly pty: PtyPair;
  /** The SIP2 line between the kiosk and the library system. */
  readonly tap: Sip2Tap;
  readonly acs: DemoAcs;
  readonly dir: string;
  /** HTTP status of a path on the web host. */
  status(path: string): Promise<number>;
  /** The door's entry log as it is on disk. */
  entries(): { at: string; outcome: string; reason: string | null }[];
  /** Stops this kiosk only (the data folder, the ACS and the lock board stay), for a restart. */
  stopKiosk(): Promise<void>;
  /** A new kiosk process on the same data folder, lock and ACS. */
  restart(): Promise<Branch>;
}

/**
 * A branch as a real install has it, in process: SIP2 to a library system
 * (the demo ACS standing in for Koha, behind a tap), an LCUS lock relay on
 * a serial port (socat pty, the board simulated at the far end), a real
 * SQLite file, the web host and the WebSocket bridge the screens use. The
 * door contact and printer are simulated placeholders.
 */
export async function startBranch(
  cleanups: Cleanups,
  extra: Partial<KioskConfigInput> = {},
  /** The door contact device instead of the simulated one (an input board on its own port). */
  doorContact: Record<string, unknown> = { id: 'door-contact', kind: 'door-sensor', driver: 'simulated' },
): Promise<Branch> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-branch-'));
  cleanups.add(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
  const pty: PtyPair = await ptyPair();
  cleanups.add(() => pty.dispose());
  const board = new LcusSimulator(pty.device);
  await board.start();
  cleanups.add(() => board.stop());
  const { acs, tap, central } = await tappedAcs(cleanups);
  const config = configSchema.parse({
    central,
    devices: [
      { id: 'door-lock', kind: 'door-lock', driver: 'lcus', port: pty.host, relay: 1 },
      doorContact,
      { id: 'printer', kind: 'printer', driver: 'simulated' },
    ],
    metrics: { enabled: false },
    ...extra,
  });
  const open = async (): Promise<Branch> => {
    const kiosk = await startKiosk({
      config,
      logger: silentLogger,
      dataDir: dir,
      rendererDir: join(dir, 'renderer'),
      web: { port: 0 },
      verifyTechnicianPin: async (pin) => pin === TECHNICIAN_PIN,
    });
    let stopped = false;
    const stopKiosk = async () => {
      if (stopped) return;
      stopped = true;
      await kiosk.stop();
    };
    cleanups.add(stopKiosk);
    await connected(kiosk);
    const bridge = await BridgeClient.connect(kiosk.web!.port, kiosk.web!.token);
    cleanups.add(() => bridge.close());
    return {
      kiosk,
      bridge,
      board,
      pty,
      tap,
      acs,
      dir,
      status: async (path) => (await fetch(`http://127.0.0.1:${kiosk.web!.port}${path}?token=${kiosk.web!.token}`)).status,
      entries: () => {
        const db = new Database(join(dir, 'openbranch.sqlite'), { readonly: true });
        try {
          return db.prepare('SELECT at, outcome, reason FROM door_entries ORDER BY id').all() as Branch['entries'] extends () => infer R
            ? R
            : never;
        } finally {
          db.close();
        }
      },
      stopKiosk,
      restart: async () => {
        bridge.close();
        await stopKiosk();
        return open();
      },
    };
  };
  return open();
}

/** Resolves once the SIP2 client has logged in (it connects in the background after start). */
export function connected(kiosk: RunningKiosk): Promise<void> {
  const central = kiosk.central.central;
  if (central.health() !== 'offline') return Promise.resolve();
  return new Promise((resolve) => {
    const off = central.onHealth((h) => {
      if (h === 'offline') return;
      off();
      resolve();
    });
  });
}

/** Open for patrons without staff around the clock, every day: the hours never get in a test's way. */
export const ALWAYS_UNSTAFFED = (() => {
  const day = [{ from: '00:00', to: '24:00', mode: 'unstaffed' as const }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day, exceptions: [] };
})();

/** The demo ACS (standing in for Koha) behind a SIP2 tap, and the `central` config section that reaches it through the tap. */
export async function tappedAcs(cleanups: Cleanups): Promise<{ acs: DemoAcs; tap: Sip2Tap; central: Sip2Config }> {
  const acs = await startDemoAcs({ port: 0 });
  cleanups.add(() => acs.close());
  const tap = await Sip2Tap.start(acs);
  cleanups.add(() => tap.close());
  const central = centralSchema.parse({
    kind: 'sip2',
    host: tap.host,
    port: tap.port,
    ...DEMO_LOGIN,
    location: 'VAS',
    timeoutMs: 2000,
  }) as Sip2Config;
  return { acs, tap, central };
}
