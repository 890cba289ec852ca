import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { LcusSimulator } from '../../devices/door/lcus-simulator.ts';
import { DEMO_LOGIN } from '../../main/central/demo/data.ts';
import { startDemoAcs } from '../../main/central/index.ts';
import { ptyPair, until } from '../integration/devices/fixtures/pty.ts';
import { enter } from './door-pages.ts';
import { pageUrl } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * A fatal error in the kiosk process (a bug: an exception nobody catches,
 * a rejection nobody handles) while the door is open: the real
 * `openbranch start`, a real LCUS lock relay on a serial port (socat pty,
 * the board simulated at the far end). The lock must be switched off and
 * the process must end non-zero (70) so systemd starts it again, instead
 * of dying with the relay on or living on with a dead door.
 */
const ON1 = 'a00101a2';
const OFF1 = 'a00100a1';
const ANNA = { card: '23000000000017', pin: '1234' };
const BUG = pathToFileURL(resolve(import.meta.dirname, 'fixtures/bug-on-signal.mjs')).href;
const day = [{ from: '00:00', to: '24:00', mode: 'unstaffed' }];

let kiosk: KioskProcess | undefined;
const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
  for (const c of cleanups.splice(0).reverse()) await c();
});

for (const [signal, bug] of [
  ['SIGUSR2', 'an exception nobody catches'],
  ['SIGHUP', 'a promise rejection nobody handles'],
] as const) {
  test(`${bug}, with the door open: the lock is switched off and the kiosk exits 70 for systemd to restart it`, async ({ page }) => {
    const pty = await ptyPair();
    cleanups.push(() => pty.dispose());
    const board = new LcusSimulator(pty.device);
    await board.start();
    cleanups.push(() => board.stop());
    const acs = await startDemoAcs({ port: 0 });
    cleanups.push(() => acs.close());
    kiosk = await startKioskProcess({
      config: {
        central: { kind: 'sip2', host: acs.host, port: acs.port, ...DEMO_LOGIN, location: 'VAS' },
        devices: [
          { id: 'door-lock', kind: 'door-lock', driver: 'lcus', port: pty.host, relay: 1 },
          { id: 'door-contact', kind: 'door-sensor', driver: 'simulated' },
        ],
        // The longest pulse: the relay is still on when the bug strikes.
        door: { pulseMs: 30_000, schedule: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } },
        metrics: { enabled: false },
      },
      env: { NODE_OPTIONS: `--import=${BUG}` },
    });
    await page.goto(pageUrl(kiosk, 'door'));
    await enter(page, ANNA.card, ANNA.pin);
    await expect(page.getByRole('heading', { name: /Välkommen! Dörren är öppen./ })).toBeVisible();
    await until(() => board.relays.get(1) === true, 15_000, 'relay on');

    process.kill(kiosk.pid, signal);
    expect(await kiosk.exited).toBe(70);
    // The kiosk wrote the OFF frame (drained) before exiting; the board at the far end of the pty may read it a
    // moment after this process hears of the exit, so wait for the board, not for a fixed time.
    await until(() => board.relays.get(1) === false, 10_000, 'relay switched off');
    const frames = board.frames.map((f) => f.hex);
    expect(frames.slice(frames.lastIndexOf(ON1))).toEqual([ON1, OFF1]);
    expect(board.relays.get(1)).toBe(false);
  });
}
