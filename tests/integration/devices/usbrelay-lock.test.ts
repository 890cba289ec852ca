import { describe, expect, it } from 'vitest';
import { RelayLock } from '../../../devices/door/relay-lock.ts';
import { BoardRelayOutput } from '../../../devices/door/relay-output.ts';
import { UsbRelayBoard } from '../../../devices/door/usbrelay-board.ts';
import { SimulatedUsbRelay } from '../../../devices/door/usbrelay-simulator.ts';
import { SimulatedHidBus } from '../../../devices/hid/simulated-bus.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { patient, until } from '../../support/patience.ts';

// Feature reports per darrylb123/usbrelay and the V-USB usbrelay-cmd tool: report id 0, FF n = on, FD n = off.
const ON = (n: number) => `00ff0${n}000000000000`;
const OFF = (n: number) => `00fd0${n}000000000000`;

function setup(serial = 'QAAMZ') {
  const bus = new SimulatedHidBus();
  const board = new SimulatedUsbRelay(serial, '/dev/hidraw3', 2);
  bus.plug(board);
  return { bus, board };
}

describe('dcttech USBRelay lock through the injected HID binding', () => {
  it('releases on open and pulses with the exact feature reports, reading the state back', async () => {
    const { bus, board } = setup();
    board.mask = 0b01; // left on by a crash
    const lock = new RelayLock('door-lock', new UsbRelayBoard(bus, {}), 1, silentLogger);
    await lock.open();
    expect(board.received).toEqual([OFF(1)]);
    expect(board.isOn(1)).toBe(false);

    // Long enough that a loaded machine still sees the relay on before the pulse ends.
    const pulse = lock.pulse(patient(200));
    await until(() => board.isOn(1), 2000, 'relay on');
    expect(await lock.readState()).toBe('unlocked');
    await pulse;
    expect(board.received).toEqual([OFF(1), ON(1), OFF(1)]);
    expect(await lock.readState()).toBe('locked');
    await lock.close();
    expect(board.received.at(-1)).toBe(OFF(1));
  });

  it('picks the board by its serial from the feature report when several are plugged in', async () => {
    const { bus, board } = setup('AAAAA');
    const other = new SimulatedUsbRelay('BBBBB', '/dev/hidraw4', 2);
    bus.plug(other);
    const siren = new BoardRelayOutput('siren', 'siren', new UsbRelayBoard(bus, { serial: 'BBBBB' }), 2);
    await siren.open();
    await siren.set(true);
    expect(other.isOn(2)).toBe(true);
    expect(board.received).toEqual([]);
    await siren.close();
    expect(other.isOn(2)).toBe(false);
  });

  it('treats a relay that does not follow as an error, never as unlocked', async () => {
    const { bus, board } = setup();
    const lock = new RelayLock('door-lock', new UsbRelayBoard(bus, {}), 1, silentLogger);
    await lock.open();
    board.stuck = true;
    await expect(lock.pulse(100)).rejects.toMatchObject({ code: 'door.readback' });
    expect(lock.status()).toMatchObject({ state: 'error' });
    expect(board.isOn(1)).toBe(false);
  });

  it('goes missing on unplug, rejects the pending pulse, and releases again after replug', async () => {
    const { bus, board } = setup();
    const lock = new RelayLock('door-lock', new UsbRelayBoard(bus, {}), 1, silentLogger);
    await lock.open();
    const pulse = lock.pulse(5000).catch((e: unknown) => e);
    await until(() => board.isOn(1), 2000, 'relay on');
    bus.unplug(board.info.path);
    expect(await pulse).toMatchObject({ code: 'device.missing' });
    expect(lock.status().state).toBe('missing');
    await expect(lock.open()).rejects.toMatchObject({ code: 'device.missing' });

    board.mask = 0b01; // plugged back (a powered board would come back off; be strict anyway)
    board.received.length = 0;
    bus.plug(board);
    await lock.open();
    expect(board.received).toEqual([OFF(1)]);
    expect(lock.status().state).toBe('connected');
    await lock.close();
  });
});
