import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedHidKeyboard } from '../../../devices/card/simulated-hid-keyboard.ts';
import { walkLevels } from '../../../devices/counter/simulated-counter.ts';
import { InputBoardSimulator } from '../../../devices/door/input-board-simulator.ts';
import { LcusSimulator } from '../../../devices/door/lcus-simulator.ts';
import { SimulatedUsbRelay } from '../../../devices/door/usbrelay-simulator.ts';
import { SimulatedHidBus } from '../../../devices/hid/simulated-bus.ts';
import { printedText } from '../../../devices/printer/codec/escpos-parse.ts';
import { EscposSimulator } from '../../../devices/printer/escpos-simulator.ts';
import { SimulatedPad } from '../../../devices/rfid/index.ts';
import { FeigSimulator } from '../../../devices/rfid/readers/feig/simulator.ts';
import { SerialLink } from '../../../devices/serial/link.ts';
import { type KioskDevices, startDevices } from '../../../main/app/device-wiring.ts';
import { RequestRouter } from '../../../main/hub/request-router.ts';
import { deviceHandlers } from '../../../main/hub/requests/device-handlers.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { requestMethods } from '../../../shared/contract/requests.ts';
import type { DoorSensor } from '../../../shared/devices/door.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { type PtyPair, ptyPair, until } from './fixtures/pty.ts';

/**
 * The technician screen's device tests, through the request router, on
 * real drivers: the lock and the printer and the RFID reader on socat pty
 * pairs with their simulators on the far end, the keypad and the relay
 * output on the simulated HID bus. Each result is checked against what
 * crossed the wire.
 */
const OFF1 = 'a00100a1';
const ON1 = 'a00101a2';
const ANNA = '23000000000017';

let lockPty: PtyPair;
let printerPty: PtyPair;
let padPty: PtyPair;
let cardPty: PtyPair;
let counterPty: PtyPair;
let counterBoard: InputBoardSimulator;
let contactPty: PtyPair;
let contactBoard: InputBoardSimulator;
let lockSim: LcusSimulator;
let printerSim: EscposSimulator;
let padLink: SerialLink;
let cardLink: SerialLink;
const pad = new SimulatedPad();
const bus = new SimulatedHidBus();
const keypad = new SimulatedHidKeyboard({ path: '/dev/hidraw3', vendorId: 0x05a4, productId: 0x9759 });
const relay = new SimulatedUsbRelay('QAAMZ', '/dev/hidraw4', 2);
let devices: KioskDevices;
let router: RequestRouter;
const session = { technician: true };

const test = async (id: string, action: string) => {
  const reply = await router.handle('devices.test', { id, action }, session);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return requestMethods['devices.test'].result.parse(reply.value);
};

/** The test starts listening once the request has gone through the router: present the card (or type) until it has heard it. */
async function untilSettled<T>(pending: Promise<T>, act: () => unknown): Promise<T> {
  let settled = false;
  void pending.finally(() => {
    settled = true;
  });
  while (!settled) {
    await act();
    await Promise.race([pending, new Promise((r) => setTimeout(r, 100))]);
  }
  return pending;
}

beforeAll(async () => {
  [lockPty, printerPty, padPty, cardPty, counterPty, contactPty] = await Promise.all([
    ptyPair(),
    ptyPair(),
    ptyPair(),
    ptyPair(),
    ptyPair(),
    ptyPair(),
  ]);
  // The door contact on input 1 (closed), the exit button on input 2 (released).
  contactBoard = new InputBoardSimulator(contactPty.device, { 1: 0, 2: 0 });
  await contactBoard.start();
  counterBoard = new InputBoardSimulator(counterPty.device, { 1: 0, 2: 0 });
  await counterBoard.start();
  lockSim = new LcusSimulator(lockPty.device);
  await lockSim.start();
  printerSim = new EscposSimulator(printerPty.device);
  await printerSim.start();
  padLink = await SerialLink.open({ path: padPty.device, baudRate: 38400, parity: 'even' });
  new FeigSimulator(padLink, pad);
  cardLink = await SerialLink.open({ path: cardPty.device, baudRate: 9600, parity: 'none' });
  bus.plug(keypad);
  bus.plug(relay);
  const config = configSchema.parse({
    devices: [
      { id: 'lock', kind: 'door-lock', driver: 'lcus', port: lockPty.host, relay: 1 },
      { id: 'printer', kind: 'printer', driver: 'escpos', port: printerPty.host },
      { id: 'pad', kind: 'rfid', driver: 'feig', port: padPty.host, pollIntervalMs: 30, timeoutMs: 300 },
      { id: 'card', kind: 'card-reader', driver: 'serial', port: cardPty.host, baudRate: 9600, suffix: 'crlf' },
      { id: 'pin', kind: 'keypad', driver: 'hid', vendorId: '05a4', productId: '9759' },
      { id: 'siren', kind: 'relay-output', driver: 'usbrelay', serial: 'QAAMZ', relay: 2, role: 'siren' },
      { id: 'counter', kind: 'people-counter', driver: 'input-board', port: counterPty.host },
      { id: 'contact', kind: 'door-sensor', driver: 'input-board', port: contactPty.host, input: 1, exitButton: { input: 2 } },
      { id: 'ghost', kind: 'printer', driver: 'escpos', port: `${lockPty.dir}/no-such-port` },
    ],
  });
  devices = await startDevices(config.devices, silentLogger, { transports: { hid: bus } });
  await until(
    () =>
      ['lock', 'printer', 'pad', 'card', 'pin', 'siren', 'counter', 'contact'].every(
        (id) => devices.manager.get(id)?.status().state === 'connected',
      ),
    5000,
  );
  // The lock releases the relay first thing on open (fail secure): that frame is not the test's.
  await until(() => lockSim.frames.length === 1, 3000);
  router = new RequestRouter(
    deviceHandlers(devices, config, [], { pulseMs: 200, switchMs: 50, waitMs: 2000, decodeMs: 2000 }),
    async () => true,
    silentLogger,
  );
}, 30_000);

afterAll(async () => {
  await devices?.stop();
  await padLink?.close();
  await cardLink?.close();
  await lockSim?.stop();
  await printerSim?.stop();
  await counterBoard?.stop();
  await contactBoard?.stop();
  await Promise.all([lockPty, printerPty, padPty, cardPty, counterPty, contactPty].map((p) => p?.dispose()));
});

describe('device tests on the technician screen', () => {
  it('lists each device with the one test it has', async () => {
    const reply = await router.handle('devices.list', {}, session);
    const { devices: rows } = requestMethods['devices.list'].result.parse((reply as { value: unknown }).value);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.test]))).toEqual({
      lock: 'pulse',
      printer: 'print',
      pad: 'read-tags',
      card: 'read-card',
      pin: 'read-keypad',
      siren: 'switch',
      counter: 'count-pass',
      contact: 'contact',
      ghost: 'print',
    });
    expect(rows.find((r) => r.id === 'ghost')?.state).toMatch(/missing|error/);
  });

  it('door lock: pulses the relay on and off on the wire and reads it back locked', async () => {
    const before = lockSim.frames.length;
    const result = await test('lock', 'pulse');
    expect(result).toMatchObject({ ok: true, done: 'pulsed', answer: 'lock-locked', next: 'check-door', values: { seconds: 0.2 } });
    await until(() => lockSim.frames.length === before + 2, 3000);
    expect(lockSim.frames.slice(before).map((f) => f.hex)).toEqual([ON1, OFF1]);
    expect(lockSim.relays.get(1)).toBe(false);
  });

  it('printer: prints the Swedish test receipt and reports the paper the printer answers with', async () => {
    printerSim.paper = 'near-end';
    const result = await test('printer', 'print');
    expect(result).toMatchObject({ ok: true, done: 'printed', answer: 'paper-near-end', next: 'refill-paper' });
    await until(() => printedText(printerSim.items).some((l) => l.includes('Testkvitto')), 3000);
    expect(printedText(printerSim.items).map((l) => l.trim())).toContain('Testkvitto: åäö ÅÄÖ');
    printerSim.paper = 'ok';
    expect(await test('printer', 'print')).toMatchObject({ answer: 'paper-ok', next: 'check-receipt' });
  });

  it('RFID pad: lists what an inventory over the wire finds, decoded', async () => {
    expect(await test('pad', 'read-tags')).toMatchObject({ ok: true, answer: 'no-tags', next: 'place-tag' });
    // Laid down just now: the test waits for the pad to decode it.
    pad.place({ item: { itemId: '39000000000052', partsInSet: 3, partNumber: 2, country: 'SE' } });
    expect(await test('pad', 'read-tags')).toMatchObject({
      ok: true,
      answer: 'tags',
      next: 'check-tags',
      values: { count: 1, tags: '39000000000052 (2/3)', unreadable: 0 },
    });
    // A tag whose memory holds no library data is named by its UID and fails the test.
    const blank = pad.place({ data: new Uint8Array(32).fill(0xa5) });
    expect(await test('pad', 'read-tags')).toMatchObject({
      ok: false,
      answer: 'tags',
      next: 'check-unreadable',
      values: { count: 2, unreadable: 1, tags: expect.stringContaining(blank) },
    });
    pad.clear();
  });

  it('card reader: waits for a card and shows only its last four digits', async () => {
    const result = await untilSettled(test('card', 'read-card'), () => cardLink.write(Buffer.from(`${ANNA}\r\n`, 'latin1')));
    expect(result).toMatchObject({ ok: true, done: 'waited-card', answer: 'card', values: { card: '…0017' } });
    expect(JSON.stringify(result)).not.toContain(ANNA);
  });

  it('card reader: says so when no card came within the wait', async () => {
    expect(await test('card', 'read-card')).toMatchObject({ ok: false, answer: 'no-card', next: 'present-card', values: { seconds: 2 } });
  });

  it('keypad: counts the digits typed and never shows them', async () => {
    const result = await untilSettled(test('pin', 'read-keypad'), () => keypad.type('4711'));
    expect(result).toMatchObject({ ok: true, answer: 'digits', values: { count: 4 } });
    expect(JSON.stringify(result)).not.toContain('4711');
  });

  it('relay output: switches the relay on, then off, with the board reading back off', async () => {
    const before = relay.received.length;
    expect(await test('siren', 'switch')).toMatchObject({ ok: true, done: 'switched', answer: 'relay-off' });
    // dcttech feature reports (report id 0): FF n switches relay n on, FD n off.
    expect(relay.received.slice(before).map((hex) => hex.slice(0, 6))).toEqual(['00ff02', '00fd02']);
    expect(relay.mask).toBe(0);
  });

  it('people counter: someone walking out through the two beams (IN lines on the wire) comes back as a pass out', async () => {
    const walkOut = async () => {
      for (const { input, level } of walkLevels('out')) await counterBoard.set(input, level);
    };
    expect(await untilSettled(test('counter', 'count-pass'), walkOut)).toMatchObject({
      ok: true,
      done: 'waited-pass',
      answer: 'pass-out',
      next: 'check-direction',
    });
    expect(await test('counter', 'count-pass')).toMatchObject({ ok: false, answer: 'no-pass', next: 'walk-through' });
  });

  it('door contact with an exit button: reads the contact and waits for a press (IN lines on the wire)', async () => {
    const press = async () => {
      await contactBoard.set(2, 1);
      await contactBoard.set(2, 0);
    };
    expect(await untilSettled(test('contact', 'contact'), press)).toMatchObject({
      ok: true,
      done: 'waited-exit',
      answer: 'contact-closed-exit-pressed',
      next: 'check-contact',
    });
    await contactBoard.set(1, 1); // the door opens; nobody presses the button this time
    await until(() => (devices.manager.get('contact') as DoorSensor | undefined)?.current() === 'open', 3000);
    expect(await test('contact', 'contact')).toMatchObject({
      ok: false,
      done: 'waited-exit',
      answer: 'contact-open-no-exit-press',
      next: 'press-exit-button',
      values: { seconds: 2 },
    });
  });

  it('a device that is not connected is not touched; its state and the driver’s words come back', async () => {
    const result = await test('ghost', 'print');
    expect(result).toMatchObject({ ok: false, done: 'not-run', answer: 'not-connected', next: 'check-connection' });
    expect(result.values.state).toMatch(/missing|error/);
  });

  it('refuses a test that is not the device’s own, and an unknown device, with typed errors', async () => {
    expect(await router.handle('devices.test', { id: 'lock', action: 'print' }, session)).toMatchObject({
      ok: false,
      error: { code: 'device.unsupported' },
    });
    expect(await router.handle('devices.test', { id: 'nope', action: 'print' }, session)).toMatchObject({
      ok: false,
      error: { code: 'device.unknown' },
    });
    expect(await router.handle('devices.test', { id: 'lock', action: 'explode' }, session)).toMatchObject({
      ok: false,
      error: { code: 'bridge.params' },
    });
  });
});
