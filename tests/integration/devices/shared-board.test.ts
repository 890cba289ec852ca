import { afterEach, describe, expect, it } from 'vitest';
import { LcusSimulator } from '../../../devices/door/lcus-simulator.ts';
import { SimulatedHidBus } from '../../../devices/hid/simulated-bus.ts';
import { deviceRegistry } from '../../../main/devices/drivers.ts';
import { DeviceManager } from '../../../main/devices/manager.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { type PtyPair, ptyPair, until } from './fixtures/pty.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('door lock and siren on one LCUS-2 board (one serial port)', () => {
  it('share the port, both release at start, and both come back after the board is replugged', async () => {
    const pty: PtyPair = await ptyPair();
    cleanups.push(() => pty.dispose());
    let sim = new LcusSimulator(pty.device);
    await sim.start();
    cleanups.push(() => sim.stop());
    const manager = new DeviceManager(
      deviceRegistry,
      [
        { id: 'door-lock', kind: 'door-lock', driver: 'lcus', port: pty.host, relay: 1, enabled: true },
        { id: 'siren', kind: 'relay-output', driver: 'lcus', port: pty.host, relay: 2, role: 'siren', enabled: true },
      ],
      silentLogger,
      { transports: { hid: new SimulatedHidBus() }, backoff: { initialMs: 30, maxMs: 120 } },
    );
    cleanups.push(() => manager.stop());
    await manager.start();
    expect(manager.reports().map((r) => r.status.state)).toEqual(['connected', 'connected']);
    await until(() => sim.frames.length === 2, 2000, 'two releases');
    // LCUS frames: A0 01 00 A1 (relay 1 off), A0 02 00 A2 (relay 2 off), A0 02 01 A3 (relay 2 on).
    expect(sim.frames.map((f) => f.hex).sort()).toEqual(['a00100a1', 'a00200a2']);

    await manager.outputs('siren')[0]!.set(true);
    await until(() => sim.relays.get(2) === true, 2000, 'siren on');
    expect(sim.frames.at(-1)!.hex).toBe('a00201a3');

    await pty.unplug();
    await until(() => manager.reports().every((r) => r.status.state === 'missing'), 3000, 'both missing');
    await sim.stop();
    await pty.plug();
    sim = new LcusSimulator(pty.device);
    await sim.start();
    await until(() => manager.reports().every((r) => r.status.state === 'connected'), 3000, 'both back');
    await manager.doorLock()!.pulse(50);
    await until(() => sim.frames.filter((f) => f.hex === 'a00101a2').length === 1 && sim.relays.get(1) === false, 2000, 'pulse');
  });
});
