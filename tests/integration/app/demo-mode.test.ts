import { afterEach, describe, expect, it } from 'vitest';
import type { KioskConfigInput } from '../../../shared/config/schema.ts';
import { type SimulatorAction, simulatorActionSchema } from '../../../shared/contract/simulator.ts';
import { Cleanups, startBranch, TECHNICIAN_PIN } from './branch-fixture.ts';

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
  exceptions: [{ date: OPEN_DAY, periods: [{ from: '06:00', to: '22:00', mode: 'unstaffed' as const }] }],
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
  { type: 'sim.door.exit' },
  { type: 'sim.central.offline', offline: true },
  { type: 'sim.counter.walk', direction: 'in' },
  { type: 'sim.clock.set', at: `${OPEN_DAY}T07:00:00+01:00` },
];

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

/** A real install (no `demo: true`) whose only open day is not today, so only a moved clock could open the door now. */
const branch = (extra: Partial<KioskConfigInput> = {}) => startBranch(cleanups, { door: { schedule }, ...extra });

describe('demo mode is explicit: outside it, nothing on the bridge moves the clock or touches a simulated device', () => {
  it('a config file without `demo: true`: /simulator is 404, every sim.* message is refused, the door keeps real time', async () => {
    const t = await branch();
    expect(await t.status('/simulator')).toBe(404);
    expect(await t.status('/simulator/')).toBe(404);
    expect(await t.status('/door')).toBe(200);
    expect(t.bridge.received.some((m) => m.type === 'simulator')).toBe(false);

    // Every action the panel has is tried: a new one must be added to the list above.
    expect(new Set(EVERY_SIM_ACTION.map((a) => a.type))).toEqual(new Set(simulatorActionSchema.options.map((o) => o.shape.type.value)));
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
    expect(await t.bridge.request('technician.login', { pin: TECHNICIAN_PIN })).toEqual({ ok: true, value: { ok: true } });
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
