import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { SimulatedCardReader } from '../../../devices/card/simulated-card-reader.ts';
import { SimulatedHidKeyboard } from '../../../devices/card/simulated-hid-keyboard.ts';
import { RelayLock } from '../../../devices/door/relay-lock.ts';
import { SimulatedRelayBoard } from '../../../devices/door/simulated-board.ts';
import { SimulatedHidBus } from '../../../devices/hid/simulated-bus.ts';
import { simulatedPrinter } from '../../../devices/printer/drivers.ts';
import { SimulatedPrinter } from '../../../devices/printer/simulated-printer.ts';
import { backoffDelay } from '../../../main/devices/backoff.ts';
import { deviceRegistry } from '../../../main/devices/drivers.ts';
import { DeviceManager, type DeviceReport } from '../../../main/devices/manager.ts';
import { DeviceRegistry } from '../../../main/devices/registry.ts';
import { type DeviceConfig, simulatedDevices } from '../../../shared/config/devices/index.ts';
import { silentLogger } from '../../../shared/logger.ts';

const managers: DeviceManager[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const m of managers.splice(0)) await m.stop();
});

/** A lock on a board the test holds, registered as driver `test`. */
const testLock = (board: SimulatedRelayBoard) => ({
  schema: z.object({}),
  create: (c: { id: string }) => new RelayLock(c.id, board, 1, silentLogger),
});

function start(configs: DeviceConfig[], registry: DeviceRegistry = deviceRegistry, bus = new SimulatedHidBus()) {
  const m = new DeviceManager(registry, configs, silentLogger, { transports: { hid: bus }, backoff: { initialMs: 100, maxMs: 400 } });
  managers.push(m);
  return m;
}

describe('DeviceManager', () => {
  it("opens the embedded default's card reader, printer, lock and contact and hands out typed devices", async () => {
    const m = start(simulatedDevices.filter((d) => d.kind !== 'rfid'));
    await m.start();
    expect(m.reports().map((r) => [r.id, r.status.state])).toEqual([
      ['card', 'connected'],
      ['printer', 'connected'],
      ['door-lock', 'connected'],
      ['door-contact', 'connected'],
      ['counter', 'connected'],
    ]);
    expect(m.peopleCounter()?.kind).toBe('people-counter');
    expect(m.cardReaders()[0]).toBeInstanceOf(SimulatedCardReader);
    expect(m.printer()).toBeInstanceOf(SimulatedPrinter);
    expect(m.doorLock()?.kind).toBe('door-lock');
    expect(m.doorSensor()?.current()).toBe('closed');
    await m.printer()!.print({ lines: [{ type: 'text', text: 'Välkommen' }] });
    expect((m.printer() as SimulatedPrinter).printed[0]!.some((i) => i.type === 'text' && i.text === 'Välkommen')).toBe(true);
  });

  it('hands out relay outputs by role', async () => {
    const m = start([
      { id: 'siren', kind: 'relay-output', driver: 'simulated', role: 'siren', enabled: true },
      { id: 'lights', kind: 'relay-output', driver: 'simulated', role: 'lights', enabled: true },
      { id: 'off', kind: 'relay-output', driver: 'simulated', role: 'siren', enabled: false },
    ]);
    await m.start();
    expect(m.outputs('siren').map((o) => o.id)).toEqual(['siren']);
    expect(m.outputs().map((o) => o.id)).toEqual(['siren', 'lights']);
  });

  it('retries a missing device with doubling backoff and publishes each change', async () => {
    vi.useFakeTimers();
    const board = new SimulatedRelayBoard();
    board.unplug();
    const registry = new DeviceRegistry().register('door-lock', 'test', testLock(board));
    const m = start([{ id: 'door-lock', kind: 'door-lock', driver: 'test', enabled: true }], registry);
    const seen: DeviceReport[] = [];
    m.onStatus((r) => seen.push(r));
    await m.start();
    expect(m.reports()[0]!.status.state).toBe('missing');
    await vi.advanceTimersByTimeAsync(100 + 200); // two failed retries
    expect(seen.filter((r) => r.status.state === 'connecting')).toHaveLength(3);
    board.plug();
    await vi.advanceTimersByTimeAsync(400);
    expect(m.reports()[0]!.status.state).toBe('connected');
    expect(board.commands).toEqual(['1:off']);
    expect(seen.every((r) => r.id === 'door-lock' && r.kind === 'door-lock')).toBe(true);
  });

  it('releases the door lock first when stopping', async () => {
    const order: string[] = [];
    const board = new SimulatedRelayBoard();
    const inner = new DeviceRegistry().register('door-lock', 'test', testLock(board)).register('printer', 'simulated', simulatedPrinter);
    const m = new DeviceManager(
      inner,
      [
        { id: 'printer', kind: 'printer', driver: 'simulated', enabled: true },
        { id: 'door-lock', kind: 'door-lock', driver: 'test', enabled: true },
      ],
      silentLogger,
    );
    await m.start();
    await m.doorLock()!.hold();
    m.get('printer')!.onStatus((s) => order.push(`printer ${s.state}`));
    board.onChange((c) => order.push(`relay ${c.on ? 'on' : 'off'}`));
    await m.stop();
    expect(order[0]).toBe('relay off');
    expect(order).toContain('printer closed');
  });

  it('gives a HID PIN pad its PINs, digits only', async () => {
    const bus = new SimulatedHidBus();
    const pad = new SimulatedHidKeyboard({ path: '/dev/hidraw7', vendorId: 0x05a4, productId: 0x9759 });
    bus.plug(pad);
    const m = start(
      [{ id: 'pin', kind: 'keypad', driver: 'hid', enabled: true, vendorId: 0x05a4, productId: '9759' }],
      deviceRegistry,
      bus,
    );
    await m.start();
    const pins: string[] = [];
    m.pinPad()!.onPin((p) => pins.push(p.pin));
    pad.type('1234');
    pad.type('12a4');
    pad.type('12');
    expect(pins).toEqual(['1234']);
  });

  it('computes capped doubling delays', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, { initialMs: 250, maxMs: 1000 }))).toEqual([250, 500, 1000, 1000, 1000]);
  });
});
