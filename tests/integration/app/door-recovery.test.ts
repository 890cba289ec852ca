import { afterEach, describe, expect, it } from 'vitest';
import type { MainMessage } from '../../../shared/contract/bridge.ts';
import { until } from '../devices/fixtures/pty.ts';
import { ALWAYS_UNSTAFFED, Cleanups, startBranch, TECHNICIAN_PIN } from './branch-fixture.ts';

/**
 * Finding 4 through the real composition root: the LCUS lock relay's
 * serial line is pulled (socat killed) and put back. The door screen says
 * "out of order" instead of hanging, the technician screen and /health
 * say the lock is missing, and the door is back in service, letting a
 * patron in, once the device manager has reopened the board.
 */
const ANNA = { card: '23000000000017', pin: '1234' };
// LCUS frames (vendor documentation): A0 01 01 A2 relay 1 on.
const ON1 = 'a00101a2';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const doorView = (m: MainMessage) => (m.type === 'door' ? m.view : undefined);

describe('door recovery with a real lock relay on a serial port', () => {
  it('a lock board that goes missing: "out of order" on the door screen, "missing" for the technician; back in service when it returns', async () => {
    const t = await startBranch(cleanups, { door: { schedule: ALWAYS_UNSTAFFED } });
    const from = t.bridge.received.length;
    await t.pty.unplug();
    await t.bridge.next((m) => doorView(m)?.step === 'out-of-order', from);
    expect(t.kiosk.metrics.health().devices).toContainEqual(expect.objectContaining({ id: 'door-lock', state: 'missing' }));
    expect(await t.bridge.request('technician.login', { pin: TECHNICIAN_PIN })).toMatchObject({ value: { ok: true } });
    expect(await t.bridge.request('devices.list', {})).toMatchObject({
      value: { devices: expect.arrayContaining([expect.objectContaining({ id: 'door-lock', state: 'missing' })]) },
    });

    // A card at the door: answered at once, no PIN asked, nothing sent to the library system.
    const sent = t.tap.patronRequests(ANNA.card).length;
    const before = t.bridge.received.length;
    t.bridge.send({ type: 'door', event: { type: 'door.card', number: ANNA.card } });
    const answer = await t.bridge.next((m) => doorView(m)?.step === 'out-of-order', before);
    expect(t.bridge.received.slice(before).some((m) => doorView(m)?.step === 'pin')).toBe(false);
    expect(answer).toBeDefined();
    expect(t.tap.patronRequests(ANNA.card).length).toBe(sent);

    // The board is back: the device manager reopens it, the door takes cards again and lets Anna in.
    const back = t.bridge.received.length;
    await t.pty.plug();
    await t.board.stop();
    await t.board.start();
    await t.bridge.next((m) => doorView(m)?.step === 'idle', back, 30_000);
    const framesBefore = t.board.frames.length;
    expect((await t.bridge.enterAtDoor(ANNA.card, ANNA.pin)).step).toBe('granted');
    await until(() => t.board.frames.slice(framesBefore).some((f) => f.hex === ON1), 10_000, 'relay on');
    expect(t.entries().map((e) => [e.outcome, e.reason])).toEqual([
      ['denied', 'out-of-order'],
      ['granted', null],
    ]);
  }, 60_000);
});
