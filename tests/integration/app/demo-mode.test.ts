import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LcusSimulator } from '../../../devices/door/lcus-simulator.ts';
import { type RunningKiosk, startKiosk } from '../../../main/app/start-kiosk.ts';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { type DemoAcs, startDemoAcs } from '../../../main/central/index.ts';
import { configSchema, type KioskConfigInput } from '../../../shared/config/schema.ts';
import type { SimulatorAction } from '../../../shared/contract/simulator.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { type PtyPair, ptyPair } from '../devices/fixtures/pty.ts';
import { BridgeClient } from './bridge-client.ts';

// LCUS frames (vendor documentation): A0 01 01 A2 relay 1 on.
const ON1 = 'a00101a2';
const ANNA = { card: '23000000000017', pin: '1234' };
/** The only day the branch is open unstaffed: not today, so only a moved clock could open the door now. */
const OPEN_DAY = '2026-01-05';
const schedule = {
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
  exceptions: [{ date: OPEN_DAY, periods: [{ from: '06:00', to: '22:00', mode: 'unstaffed' }] }],
};
const EVERY_SIM_ACTION: SimulatorAction[] = [
  { type: 'sim.card.present', number: ANNA.card },
  { type: 'sim.card.remove', number: ANNA.card },
  { type: 'sim.pin.enter', pin: ANNA.pin },
  { type: 'sim.item.place', itemId: '39000000000052' },
  { type: 'sim.item.placeAll', itemId: '39000000000052' },
  { type: 'sim.item.lift', uid: 'E004010000000001' },
  { type: 'sim.pad.clear' },
  { type: 'sim.door.open' },
  { type: 'sim.door.close' },
  { type: 'sim.central.offline', offline: true },
  { type: 'sim.clock.set', at: `${OPEN_DAY}T07:00:00+01:00` },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * A branch as a real install has it: SIP2 to a library system (the demo
 * ACS standing in for Koha), an LCUS lock relay on a serial port (socat
 * pty, the relay board simulated at the far end), and, as a placeholder, a
 * simulated printer and door contact. Started through the real
 * composition root with the web host; the test talks to it over the real
 * WebSocket bridge.
 */
async function branch(extra: Partial<KioskConfigInput> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ob-demo-mode-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  const pty: PtyPair = await ptyPair();
  cleanups.push(() => pty.dispose());
  const board = new LcusSimulator(pty.device);
  await board.start();
  cleanups.push(() => board.stop());
  const acs: DemoAcs = await startDemoAcs({ port: 0 });
  cleanups.push(() => acs.close());
  const config = configSchema.parse({
    central: { kind: 'sip2', host: acs.host, port: acs.port, ...DEMO_LOGIN, location: 'VAS' },
    devices: [
      { id: 'door-lock', kind: 'door-lock', driver: 'lcus', port: pty.host, relay: 1 },
      { id: 'door-contact', kind: 'door-sensor', driver: 'simulated' },
      { id: 'printer', kind: 'printer', driver: 'simulated' },
    ],
    door: { schedule },
    metrics: { enabled: false },
    ...extra,
  });
  const kiosk: RunningKiosk = await startKiosk({
    config,
    logger: silentLogger,
    dataDir: dir,
    rendererDir,
    web: { port: 0 },
    verifyTechnicianPin: async (pin) => pin === '135792',
  });
  cleanups.push(() => kiosk.stop());
  const bridge = await BridgeClient.connect(kiosk.web!.port, kiosk.web!.token);
  cleanups.push(() => bridge.close());
  const status = async (path: string) => (await fetch(`http://127.0.0.1:${kiosk.web!.port}${path}?token=${kiosk.web!.token}`)).status;
  /** The entry log as it is on disk. */
  const entries = () => {
    const db = new Database(join(dir, 'openbranch.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT at, outcome, reason FROM door_entries ORDER BY id').all() as {
        at: string;
        outcome: string;
        reason: string;
      }[];
    } finally {
      db.close();
    }
  };
  return { kiosk, bridge, board, status, entries };
}

describe('demo mode is explicit: outside it, nothing on the bridge moves the clock or touches a simulated device', () => {
  it('a config file without `demo: true`: /simulator is 404, every sim.* message is refused, the door keeps real time', async () => {
    const t = await branch();
    expect(await t.status('/simulator')).toBe(404);
    expect(await t.status('/simulator/')).toBe(404);
    expect(await t.status('/door')).toBe(200);
    expect(t.bridge.received.some((m) => m.type === 'simulator')).toBe(false);

    for (const action of EVERY_SIM_ACTION) {
      const from = t.bridge.received.length;
      t.bridge.send({ type: 'simulator', action });
      const refused = await t.bridge.next((m) => m.type === 'refused', from);
      expect(refused).toEqual({ type: 'refused', reason: 'demo mode is off: there is no simulator' });
    }

    // The attack of finding 1: the clock moved to an open day, then a card and PIN at the door.
    const before = new Date();
    const answer = await t.bridge.enterAtDoor(ANNA.card, ANNA.pin);
    expect(answer).toMatchObject({ step: 'denied', reason: 'outside-hours', mode: 'closed' });
    expect(t.board.frames.map((f) => f.hex)).not.toContain(ON1);
    const logged = t.entries();
    expect(logged).toEqual([expect.objectContaining({ outcome: 'denied', reason: 'outside-hours' })]);
    expect(Date.parse(logged[0]!.at)).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(Date.parse(logged[0]!.at)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('outside demo mode a PIN lock-out cannot be cleared by moving the clock', async () => {
    const t = await branch();
    t.bridge.send({ type: 'simulator', action: { type: 'sim.clock.set', at: `${OPEN_DAY}T07:00:00+01:00` } });
    for (let i = 0; i < 5; i++) await t.bridge.enterAtDoor(ANNA.card, '9999');
    t.bridge.send({ type: 'simulator', action: { type: 'sim.clock.set', at: `${OPEN_DAY}T08:00:00+01:00` } });
    const answer = await t.bridge.enterAtDoor(ANNA.card, ANNA.pin);
    expect(answer).toMatchObject({ step: 'denied', reason: 'locked-out' });
    expect(t.board.frames.map((f) => f.hex)).not.toContain(ON1);
  });

  it('simulated devices outside demo mode are allowed but raise a warning on the technician screen and in /health', async () => {
    const t = await branch();
    const health = t.kiosk.metrics.health();
    expect(health).toMatchObject({ demo: false, status: 'degraded' });
    expect(health.warnings).toEqual([{ code: 'config.simulated-device', devices: ['door-contact', 'printer'] }]);
    expect(await t.bridge.request('technician.login', { pin: '135792' })).toEqual({ ok: true, value: { ok: true } });
    const list = await t.bridge.request('devices.list', {});
    expect(list).toMatchObject({
      ok: true,
      value: { warnings: [{ code: 'config.simulated-device', devices: ['door-contact', 'printer'] }] },
    });
  });

  it('with `demo: true` the panel is served and may move the door schedule clock, but the entry log keeps real time', async () => {
    const t = await branch({ demo: true });
    expect(await t.status('/simulator')).toBe(200);
    expect(t.kiosk.metrics.health()).toMatchObject({ demo: true, warnings: [] });
    const from = t.bridge.received.length;
    t.bridge.send({ type: 'simulator', action: { type: 'sim.clock.set', at: `${OPEN_DAY}T07:00:00+01:00` } });
    await t.bridge.next((m) => m.type === 'door' && m.view.mode === 'unstaffed', from);
    const answer = await t.bridge.enterAtDoor(ANNA.card, ANNA.pin);
    expect(answer.step).toBe('granted');
    const logged = t.entries();
    expect(logged.map((e) => e.outcome)).toEqual(['granted']);
    expect(logged[0]!.at.slice(0, 10)).not.toBe(OPEN_DAY);
    expect(Math.abs(Date.parse(logged[0]!.at) - Date.now())).toBeLessThan(60_000);
  });
});
