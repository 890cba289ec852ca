import type { DeviceTestAction, DeviceTestResult } from '../../../shared/contract/technician.ts';
import type { CardReader, PinPad } from '../../../shared/devices/card.ts';
import type { PassDirection, PeopleCounter } from '../../../shared/devices/counter.ts';
import type { DoorLock, DoorSensor, RelayOutput } from '../../../shared/devices/door.ts';
import type { ReceiptPrinter } from '../../../shared/devices/printer.ts';
import type { ItemPad, LibraryTag, RfidReader } from '../../../shared/devices/rfid.ts';
import type { Device, DeviceKind } from '../../../shared/devices/status.ts';

/** How long each test runs; a technician stands next to the device while it does. */
export interface TestTimings {
  readonly pulseMs: number;
  readonly switchMs: number;
  /** How long to wait for a card or a keypad entry. */
  readonly waitMs: number;
  /** How long the pad may take to decode a tag it has just seen. */
  readonly decodeMs: number;
}

export const DEFAULT_TIMINGS: TestTimings = { pulseMs: 3000, switchMs: 2000, waitMs: 15_000, decodeMs: 2000 };

/** The one test each kind of device has. */
export const TEST_OF_KIND: Readonly<Record<DeviceKind, DeviceTestAction>> = {
  'door-lock': 'pulse',
  printer: 'print',
  rfid: 'read-tags',
  'card-reader': 'read-card',
  keypad: 'read-keypad',
  'door-sensor': 'contact',
  'relay-output': 'switch',
  'people-counter': 'count-pass',
};

export interface TestContext {
  readonly timings: TestTimings;
  /** The receipt's second line: which branch printed it. */
  readonly branchName: string;
  /** The decoded tags on the pad of this reader, if it feeds one. */
  readonly padOf: (readerId: string) => ItemPad | undefined;
}

type Test = (device: Device, c: TestContext) => Promise<DeviceTestResult>;

const result = (r: Omit<DeviceTestResult, 'values'> & { values?: DeviceTestResult['values'] }): DeviceTestResult => ({
  values: {},
  ...r,
});

/**
 * Each test does one real thing with the device and says what was done,
 * what came back and what to check next, as codes the screen words.
 * Nothing a patron owns is shown: a card as its last four characters, a
 * keypad entry as its number of digits.
 */
const TESTS: Readonly<Record<DeviceTestAction, Test>> = {
  pulse: async (device, c) => {
    const lock = device as DoorLock;
    await lock.pulse(c.timings.pulseMs);
    const state = await lock.readState();
    const seconds = c.timings.pulseMs / 1000;
    return state === 'locked'
      ? result({ ok: true, done: 'pulsed', answer: 'lock-locked', next: 'check-door', values: { seconds } })
      : result({ ok: false, done: 'pulsed', answer: 'lock-unlocked', next: 'check-lock-wiring', values: { seconds } });
  },
  print: async (device, c) => {
    const printer = device as ReceiptPrinter;
    await printer.print({
      lines: [
        { type: 'text', text: 'OpenBranch', bold: true, size: 2, align: 'center' },
        { type: 'text', text: c.branchName },
        { type: 'text', text: 'Testkvitto: åäö ÅÄÖ' },
        { type: 'barcode', data: '123456789' },
      ],
    });
    const paper = await printer.paper();
    const next = paper === 'ok' ? 'check-receipt' : paper === 'unknown' ? 'check-paper-sensor' : 'refill-paper';
    return result({ ok: paper !== 'out', done: 'printed', answer: `paper-${paper}`, next });
  },
  'read-tags': async (device, c) => {
    const seen = await (device as RfidReader).inventory();
    const pad = c.padOf(device.id);
    const decoded = pad
      ? await decodedTags(
          pad,
          seen.map((s) => s.uid),
          c.timings.decodeMs,
        )
      : new Map<string, LibraryTag | null>();
    const names = seen.map((s) => {
      const tag = decoded.get(s.uid);
      if (!tag) return s.uid;
      return tag.partsInSet > 1 ? `${tag.itemId} (${tag.partNumber}/${tag.partsInSet})` : tag.itemId;
    });
    const unreadable = seen.filter((s) => pad && !decoded.get(s.uid)).length;
    return seen.length === 0
      ? result({ ok: true, done: 'read-tags', answer: 'no-tags', next: 'place-tag' })
      : result({
          ok: unreadable === 0,
          done: 'read-tags',
          answer: 'tags',
          next: unreadable ? 'check-unreadable' : 'check-tags',
          values: { count: seen.length, tags: names.join(', '), unreadable },
        });
  },
  'read-card': (device, c) =>
    waitFor<string>(
      (listener) => (device as CardReader).onCard((card) => listener(`…${card.number.slice(-4)}`)),
      c.timings.waitMs,
      (card) =>
        result({ ok: true, done: 'waited-card', answer: 'card', next: 'check-card', values: { card, seconds: c.timings.waitMs / 1000 } }),
      () =>
        result({ ok: false, done: 'waited-card', answer: 'no-card', next: 'present-card', values: { seconds: c.timings.waitMs / 1000 } }),
    ),
  'read-keypad': (device, c) =>
    waitFor<number>(
      (listener) => (device as PinPad).onPin((entry) => listener(entry.pin.length)),
      c.timings.waitMs,
      (count) => result({ ok: true, done: 'waited-keypad', answer: 'digits', next: 'check-digits', values: { count } }),
      () =>
        result({ ok: false, done: 'waited-keypad', answer: 'no-digits', next: 'press-keys', values: { seconds: c.timings.waitMs / 1000 } }),
    ),
  'count-pass': (device, c) =>
    waitFor<PassDirection>(
      (listener) => (device as PeopleCounter).onPass(listener),
      c.timings.waitMs,
      (direction) =>
        result({
          ok: true,
          done: 'waited-pass',
          answer: `pass-${direction}`,
          next: 'check-direction',
          values: { seconds: c.timings.waitMs / 1000 },
        }),
      () =>
        result({ ok: false, done: 'waited-pass', answer: 'no-pass', next: 'walk-through', values: { seconds: c.timings.waitMs / 1000 } }),
    ),
  contact: async (device, c) => {
    const sensor = device as DoorSensor;
    const contact = sensor.current();
    if (!sensor.hasExitButton?.() || !sensor.onExitRequest)
      return result({ ok: contact !== 'unknown', done: 'read-contact', answer: `contact-${contact}`, next: 'check-contact' });
    // With an exit button wired, the technician presses it during the test: a press that arrives proves the input and its wiring.
    const onExit = sensor.onExitRequest.bind(sensor);
    const seconds = c.timings.waitMs / 1000;
    return waitFor<true>(
      (listener) => onExit(() => listener(true)),
      c.timings.waitMs,
      () =>
        result({
          ok: contact !== 'unknown',
          done: 'waited-exit',
          answer: `contact-${contact}-exit-pressed`,
          next: 'check-contact',
          values: { seconds },
        }),
      () =>
        result({
          ok: false,
          done: 'waited-exit',
          answer: `contact-${contact}-no-exit-press`,
          next: 'press-exit-button',
          values: { seconds },
        }),
    );
  },
  switch: async (device, c) => {
    const output = device as RelayOutput;
    await output.set(true);
    try {
      await new Promise((r) => setTimeout(r, c.timings.switchMs));
    } finally {
      await output.set(false);
    }
    return result({
      ok: true,
      done: 'switched',
      answer: 'relay-off',
      next: 'check-output',
      values: { seconds: c.timings.switchMs / 1000 },
    });
  },
};

/** Runs the device's test; a device that is not connected is not touched, a failing one is reported, never thrown. */
export async function runDeviceTest(device: Device, c: TestContext): Promise<DeviceTestResult> {
  const action = TEST_OF_KIND[device.kind];
  const state = device.status().state;
  if (state !== 'connected')
    return result({
      ok: false,
      done: 'not-run',
      answer: 'not-connected',
      next: 'check-connection',
      values: { state },
      ...(device.status().reason ? { detail: device.status().reason } : {}),
    });
  try {
    return await TESTS[action](device, c);
  } catch (e) {
    return result({
      ok: false,
      done: 'attempted',
      answer: 'failed',
      next: 'check-log',
      detail: e instanceof Error ? e.message : String(e),
    });
  }
}

/**
 * The pad's decoded tags for these UIDs: a tag just laid down is decoded
 * within a poll or two, so wait for it (an unreadable one stays null).
 */
function decodedTags(pad: ItemPad, uids: readonly string[], ms: number): Promise<Map<string, LibraryTag | null>> {
  const found = new Map<string, LibraryTag | null>();
  const settle = () => {
    for (const tag of pad.items()) if (uids.includes(tag.uid)) found.set(tag.uid, tag);
    return uids.every((uid) => found.has(uid));
  };
  return new Promise((resolve) => {
    if (settle()) return resolve(found);
    const timer = setTimeout(() => {
      off();
      resolve(found);
    }, ms);
    const off = pad.onEvent((e) => {
      if (e.type === 'tag.unreadable' && uids.includes(e.uid)) found.set(e.uid, null);
      if (settle()) {
        clearTimeout(timer);
        off();
        resolve(found);
      }
    });
  });
}

/** Resolves with the first event, or `none()` after `ms`; the listener is removed either way. */
function waitFor<T>(
  subscribe: (listener: (value: T) => void) => () => void,
  ms: number,
  got: (value: T) => DeviceTestResult,
  none: () => DeviceTestResult,
): Promise<DeviceTestResult> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(none());
    }, ms);
    const off = subscribe((value) => {
      clearTimeout(timer);
      off();
      resolve(got(value));
    });
  });
}
