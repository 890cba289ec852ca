import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { InputBoardSensor } from '../../../devices/door/input-board-sensor.ts';
import { InputBoardSimulator } from '../../../devices/door/input-board-simulator.ts';
import { ModemLineSensor } from '../../../devices/door/modem-sensor.ts';
import type { SerialBinding } from '../../../devices/serial/link.ts';
import { inputBoardSensorSchema, modemSensorSchema } from '../../../shared/config/devices/door-sensor.ts';
import type { ContactState } from '../../../shared/devices/door.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { ptyPair, until } from './fixtures/pty.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * ptys have no modem lines (get() is ENOTTY), so the modem-line sensor runs on
 * serialport's mock binding (through SerialPortMock.binding, see CONTRIBUTING.md, "Toolchain")
 * with get() answering from `lines`, the wire a contact would pull.
 */
function mockBindingWithLines(
  lines: { cts: boolean; dsr: boolean; dcd: boolean },
  failGet: { now: boolean },
  polls = { count: 0 },
): SerialBinding {
  const base = SerialPortMock.binding;
  return {
    list: () => base.list(),
    async open(options) {
      const port = await base.open(options);
      port.get = async () => {
        polls.count++;
        if (failGet.now) throw new Error('Input/output error');
        return { ...lines };
      };
      return port;
    },
  } as SerialBinding;
}

describe('modem-line door contact (CTS/DSR/DCD polled through port.get())', () => {
  it('reports the initial state at once, debounces bounces, and follows a real change', async () => {
    SerialPortMock.binding.createPort('/dev/ttyMODEM0');
    cleanups.push(async () => SerialPortMock.binding.reset());
    const lines = { cts: true, dsr: false, dcd: false };
    const fail = { now: false };
    const polls = { count: 0 };
    // A debounce far longer than two polls, even on a loaded machine.
    const config = modemSensorSchema.parse({ port: '/dev/ttyMODEM0', line: 'dsr', openWhen: 'high', pollMs: 10, debounceMs: 1000 });
    const sensor = new ModemLineSensor('door-contact', config, silentLogger, mockBindingWithLines(lines, fail, polls));
    const polled = async (n: number, what: string) => {
      const target = polls.count + n;
      await until(() => polls.count >= target, 2000, what);
    };
    cleanups.push(() => sensor.close());
    const seen: ContactState[] = [];
    sensor.onChange((s) => seen.push(s));
    await sensor.open();
    expect(sensor.current()).toBe('closed');

    lines.dsr = true; // a bounce: seen by two polls, far shorter than the debounce time
    await polled(2, 'two polls during the bounce');
    lines.dsr = false;
    // Two polls that see the contact closed again settle the bounce: nothing can come of it after them.
    await polled(2, 'two polls after the bounce');
    expect(seen).toEqual(['closed']);

    lines.dsr = true; // the door really opens
    await until(() => sensor.current() === 'open', 2000, 'open');
    expect(seen).toEqual(['closed', 'open']);

    fail.now = true; // the adapter is pulled: get() starts failing
    await until(() => sensor.status().state === 'missing', 2000, 'missing');
    expect(sensor.current()).toBe('unknown');
  });
});

describe('input-board door contact over a pty', () => {
  it('asks for the state on open, then follows IN<n> lines for its input only', async () => {
    const pty = await ptyPair();
    cleanups.push(() => pty.dispose());
    const board = new InputBoardSimulator(pty.device, { 1: 0, 2: 1 });
    await board.start();
    cleanups.push(() => board.stop());
    const sensor = new InputBoardSensor('door-contact', inputBoardSensorSchema.parse({ port: pty.host, input: 1 }), silentLogger);
    cleanups.push(() => sensor.close());
    const seen: ContactState[] = [];
    sensor.onChange((s) => seen.push(s));
    await sensor.open();
    await until(() => sensor.current() === 'closed', 2000, 'initial state');

    await board.set(2, 0);
    await board.set(1, 1);
    await until(() => sensor.current() === 'open', 2000, 'open');
    await board.set(1, 0);
    await until(() => sensor.current() === 'closed', 2000, 'closed again');
    expect(seen).toEqual(['closed', 'open', 'closed']);

    await pty.unplug();
    await until(() => sensor.status().state === 'missing', 2000, 'missing');
    expect(sensor.current()).toBe('unknown');
  });
});
