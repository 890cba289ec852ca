import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedHidKeyboard } from '../../../devices/card/simulated-hid-keyboard.ts';
import { SimulatedHidBus } from '../../../devices/hid/simulated-bus.ts';
import { SerialLink } from '../../../devices/serial/link.ts';
import { deviceRegistry } from '../../../main/devices/drivers.ts';
import { DeviceManager, type DeviceReport } from '../../../main/devices/manager.ts';
import type { DeviceConfig } from '../../../shared/config/devices/index.ts';
import type { CardRead } from '../../../shared/devices/card.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { type PtyPair, ptyPair, until } from './fixtures/pty.ts';

const fastBackoff = { initialMs: 30, maxMs: 120 };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function managerFor(configs: DeviceConfig[], bus = new SimulatedHidBus()) {
  const manager = new DeviceManager(deviceRegistry, configs, silentLogger, { transports: { hid: bus }, backoff: fastBackoff });
  const states: string[] = [];
  const cards: CardRead[] = [];
  manager.onStatus((r: DeviceReport) => states.push(r.status.state));
  cleanups.push(() => manager.stop());
  return { manager, states, cards };
}

describe('HID keyboard card reader through the simulated HID bus and the device manager', () => {
  it('reads cards, goes missing on unplug, comes back on replug and reads again', async () => {
    const bus = new SimulatedHidBus();
    const reader = new SimulatedHidKeyboard({ path: '/dev/hidraw1', vendorId: 0x0c27, productId: 0x3bfa, product: 'pcProx' });
    bus.plug(reader);
    const { manager, states, cards } = managerFor(
      [{ id: 'card', kind: 'card-reader', driver: 'hid', enabled: true, vendorId: '0c27', productId: '3bfa' }],
      bus,
    );
    await manager.start();
    manager.cardReaders()[0]!.onCard((c) => cards.push(c));

    reader.type('2000-1234');
    expect(cards.map((c) => [c.number, c.source, c.readerId])).toEqual([['2000-1234', 'hid', 'card']]);

    // Each reopen attempt looks for the reader on the bus.
    let lookups = 0;
    const devices = bus.devices.bind(bus);
    bus.devices = () => {
      lookups++;
      return devices();
    };
    bus.unplug('/dev/hidraw1');
    expect(manager.reports()[0]!.status.state).toBe('missing');
    // A few failed reopen attempts (the reader stays `missing` meanwhile) before it comes back.
    const before = lookups;
    await until(() => lookups >= before + 2, 2000, 'two failed reopen attempts');
    bus.plug(reader);
    await until(() => manager.reports()[0]!.status.state === 'connected', 2000, 'reconnect');
    reader.type('20001235');
    expect(cards.map((c) => c.number)).toEqual(['2000-1234', '20001235']);
    expect(states.slice(0, 3)).toEqual(['connecting', 'connected', 'missing']);
    expect(states.at(-1)).toBe('connected');
    expect(states.slice(3).every((s) => ['connecting', 'missing', 'connected'].includes(s))).toBe(true);
  });

  it('reports a bad config entry as an error status without stopping the others', async () => {
    const bus = new SimulatedHidBus();
    const { manager } = managerFor(
      [
        { id: 'bad', kind: 'card-reader', driver: 'hid', enabled: true, vendorId: 'zz' },
        { id: 'what', kind: 'card-reader', driver: 'telepathy', enabled: true },
        { id: 'sim', kind: 'card-reader', driver: 'simulated', enabled: true },
      ],
      bus,
    );
    await manager.start();
    const byId = Object.fromEntries(manager.reports().map((r) => [r.id, r.status]));
    expect(byId.bad).toMatchObject({ state: 'error' });
    expect(byId.bad!.reason).toMatch(/^config\.invalid/);
    expect(byId.what!.reason).toMatch(/^config\.unknown-driver/);
    expect(byId.sim).toMatchObject({ state: 'connected' });
  });
});

describe('serial card reader over a pty and the device manager', () => {
  let pty: PtyPair;

  async function readerEnd(): Promise<SerialLink> {
    const link = await SerialLink.open({ path: pty.device, baudRate: 9600 });
    cleanups.push(() => link.close());
    return link;
  }

  it('reads CRLF-terminated numbers with Luhn checking, survives unplug/replug, and loses no read after return', async () => {
    pty = await ptyPair();
    cleanups.push(() => pty.dispose());
    const { manager, cards } = managerFor([
      {
        id: 'scanner',
        kind: 'card-reader',
        driver: 'serial',
        enabled: true,
        port: pty.host,
        suffix: 'crlf',
        checkDigit: 'luhn',
        stripPrefix: 'B',
      },
    ]);
    await manager.start();
    manager.cardReaders()[0]!.onCard((c) => cards.push(c));
    let scanner = await readerEnd();

    // 79927398713 passes Luhn (ISO/IEC 7812-1 annex B example); ...714 does not and must be dropped.
    await scanner.write(new TextEncoder().encode('B79927398714\r\nB799273'));
    await scanner.write(new TextEncoder().encode('98713\r\n'));
    await until(() => cards.length === 1, 2000, 'first card');
    expect(cards[0]).toMatchObject({ number: '79927398713', source: 'serial', readerId: 'scanner' });

    await pty.unplug();
    await until(() => manager.reports()[0]!.status.state === 'missing', 2000, 'missing');
    await pty.plug();
    await until(() => manager.reports()[0]!.status.state === 'connected', 3000, 'reconnected');
    scanner = await readerEnd();
    await scanner.write(new TextEncoder().encode('B4111111111111111\r\n'));
    await until(() => cards.length === 2, 2000, 'card after replug');
    expect(cards.map((c) => c.number)).toEqual(['79927398713', '4111111111111111']);
  });
});
