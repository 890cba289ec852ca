import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LcusBoard } from '../../../devices/door/lcus-board.ts';
import { LcusSimulator } from '../../../devices/door/lcus-simulator.ts';
import { RelayLock } from '../../../devices/door/relay-lock.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { patient } from '../../support/patience.ts';
import { type PtyPair, ptyPair, until } from './fixtures/pty.ts';

// LCUS frames as published by the vendor: A0 01 01 A2 (on), A0 01 00 A1 (off), A0 02 01 A3 (channel 2 on).
const ON1 = 'a00101a2';
const OFF1 = 'a00100a1';

describe('LCUS relay lock over a pty with the real serialport bindings', () => {
  let pty: PtyPair;
  let sim: LcusSimulator;
  let lock: RelayLock;

  beforeEach(async () => {
    pty = await ptyPair();
    sim = new LcusSimulator(pty.device);
    await sim.start();
    lock = new RelayLock('door-lock', new LcusBoard(pty.host, 9600), 1, silentLogger, 5000);
  });

  afterEach(async () => {
    await lock.close().catch(() => {});
    await sim.stop();
    await pty.dispose();
  });

  it('releases the relay first thing on open, then pulses on and off with the exact frames', async () => {
    sim.relays.set(1, true); // as a crash mid-pulse would have left it
    await lock.open();
    await until(() => sim.frames.length === 1, 2000, 'release frame');
    expect(sim.frames.map((f) => f.hex)).toEqual([OFF1]);
    expect(sim.relays.get(1)).toBe(false);
    expect(lock.status().state).toBe('connected');

    // Long enough that a loaded machine still sees the relay on before the pulse ends.
    const pulse = lock.pulse(patient(200));
    await until(() => sim.relays.get(1) === true, 2000, 'relay on');
    expect(await lock.readState()).toBe('unlocked');
    await pulse;
    await until(() => sim.frames.length === 3, 2000, 'relock frame');
    expect(sim.frames.map((f) => f.hex)).toEqual([OFF1, ON1, OFF1]);
    expect(sim.relays.get(1)).toBe(false);
    expect(await lock.readState()).toBe('locked');
    expect(sim.discarded).toEqual([]);
  });

  it('drives another channel and releases it on close()', async () => {
    const lock2 = new RelayLock('door-2', new LcusBoard(pty.host, 9600), 2, silentLogger);
    await lock.close();
    await lock2.open();
    await lock2.hold();
    await until(() => sim.relays.get(2) === true, 2000, 'channel 2 on');
    await lock2.close();
    await until(() => sim.frames.length === 3, 2000, 'frames');
    expect(sim.frames.map((f) => f.hex)).toEqual(['a00200a2', 'a00201a3', 'a00200a2']);
    expect(lock2.status().state).toBe('closed');
  });

  it('refuses pulses out of range with a typed error and stays locked', async () => {
    await lock.open();
    await expect(lock.pulse(0)).rejects.toMatchObject({ code: 'door.pulse-range' });
    await expect(lock.pulse(60_000)).rejects.toMatchObject({ code: 'door.pulse-range' });
    // Close sends one more release: once it has arrived, anything the refusals had sent would have too.
    await lock.close();
    await until(() => sim.frames.length >= 2, 2000, 'the release on close');
    expect(sim.frames.map((f) => f.hex)).toEqual([OFF1, OFF1]);
  });

  it('goes missing when the port vanishes mid-pulse and rejects the pulse instead of hanging', async () => {
    await lock.open();
    const pulse = lock.pulse(3000).catch((e: unknown) => e);
    await until(() => sim.relays.get(1) === true, 2000, 'relay on');
    await pty.unplug();
    expect(await pulse).toMatchObject({ code: 'device.missing' });
    expect(lock.status().state).toBe('missing');
    await expect(lock.pulse(100)).rejects.toMatchObject({ code: 'device.missing' });
  });

  it('is missing (not crashed) when the port does not exist', async () => {
    const ghost = new RelayLock('ghost', new LcusBoard(`${pty.dir}/nope`, 9600), 1, silentLogger);
    await expect(ghost.open()).rejects.toMatchObject({ code: 'device.missing' });
    expect(ghost.status().state).toBe('missing');
  });
});
