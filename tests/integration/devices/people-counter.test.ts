import { afterEach, describe, expect, it } from 'vitest';
import { walkLevels } from '../../../devices/counter/simulated-counter.ts';
import { InputBoardSimulator } from '../../../devices/door/input-board-simulator.ts';
import { driverContext } from '../../../devices/driver.ts';
import { SimulatedHidBus } from '../../../devices/hid/simulated-bus.ts';
import { deviceRegistry } from '../../../main/devices/drivers.ts';
import type { PassDirection, PeopleCounter } from '../../../shared/devices/counter.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { ptyPair, until } from './fixtures/pty.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * The people counter on a microcontroller input board, through the device
 * registry as a config entry names it, the board simulated on the far end
 * of a socat pty sending the real `IN<n>=<0|1>` lines.
 */
async function counterOnPty(options: Record<string, unknown>) {
  const pty = await ptyPair();
  cleanups.push(() => pty.dispose());
  const board = new InputBoardSimulator(pty.device, { 1: 0, 2: 0 });
  await board.start();
  cleanups.push(() => board.stop());
  const counter = (await deviceRegistry.create(
    { id: 'counter', kind: 'people-counter', driver: 'input-board', port: pty.host, enabled: true, ...options },
    driverContext(silentLogger, { hid: new SimulatedHidBus() }),
  )) as PeopleCounter;
  cleanups.push(() => counter.close());
  const passes: PassDirection[] = [];
  counter.onPass((p) => passes.push(p));
  await counter.open();
  return { board, counter, passes };
}

describe('people counter on an input board over a pty', () => {
  it('two beams: the order of IN1 and IN2 gives in or out; turning back counts nothing', async () => {
    const { board, passes, counter } = await counterOnPty({ mode: 'beams' });
    expect(counter.status().state).toBe('connected');
    for (const { input, level } of walkLevels('in')) await board.set(input, level);
    await until(() => passes.length === 1, 3000, 'one in');
    // Steps in, turns back.
    for (const [input, level] of [
      [1, 1],
      [2, 1],
      [2, 0],
      [1, 0],
    ] as const)
      await board.set(input, level);
    for (const { input, level } of walkLevels('out')) await board.set(input, level);
    await until(() => passes.length === 2, 3000, 'one out');
    expect(passes).toEqual(['in', 'out']);
  });

  it("a commercial counter's pulse outputs: one rising edge per person on the in or the out line", async () => {
    const { board, passes } = await counterOnPty({ mode: 'pulses', inputs: { a: 3, b: 4 }, activeLevel: '0' });
    for (const [input, level] of [
      [3, 1],
      [3, 0],
      [3, 1],
      [3, 0],
      [4, 1],
      [4, 0],
      [4, 1],
    ] as const)
      await board.set(input, level);
    await until(() => passes.length === 3, 3000, 'three passes');
    expect(passes).toEqual(['in', 'in', 'out']);
  });

  it('a broken config entry is a typed config error', async () => {
    await expect(
      deviceRegistry.create(
        { id: 'counter', kind: 'people-counter', driver: 'input-board', port: '/dev/null', enabled: true, inputs: { a: 1, b: 1 } },
        driverContext(silentLogger, { hid: new SimulatedHidBus() }),
      ),
    ).rejects.toThrow(/inputs a and b must differ/);
  });
});
