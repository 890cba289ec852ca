import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { InputBoardSensor } from '../../../devices/door/input-board-sensor.ts';
import { InputBoardSimulator } from '../../../devices/door/input-board-simulator.ts';
import { RelayLock } from '../../../devices/door/relay-lock.ts';
import { SimulatedRelayBoard } from '../../../devices/door/simulated-board.ts';
import { DoorController } from '../../../main/door/door-controller.ts';
import { EntryLog } from '../../../main/door/entry-log.ts';
import { noopMetrics } from '../../../main/metrics/kiosk-metrics.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { inputBoardSensorSchema } from '../../../shared/config/devices/door-sensor.ts';
import { doorSchema } from '../../../shared/config/door.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from '../../doubles/central-double.ts';
import { ptyPair, until } from './fixtures/pty.ts';

/**
 * The exit button inside the door (request to exit), wired to input 3 of
 * the door contact's input board (the contact on input 1), over a real pty
 * with the board simulated at the far end (`IN<n>=<0|1>` lines): a patron
 * leaving after closing presses it, the lock pulses and the door opening
 * is no forced door. What crossed the wire to the lock is the relay
 * board's command list; the alarms are what the entry log holds.
 */
/** Longest wait for an event (the events come at once; a loaded CI machine may still take seconds). */
const WAIT = 30_000;
const CONTACT = 1;
const BUTTON = 3;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function door(options: { exitButton?: { input: number; pressedWhen?: '0' | '1' }; held?: boolean; windowMs?: number } = {}) {
  const pty = await ptyPair();
  cleanups.push(() => pty.dispose());
  const inputs = new InputBoardSimulator(pty.device, { [CONTACT]: 0, [BUTTON]: options.held ? 1 : 0 });
  await inputs.start();
  cleanups.push(() => inputs.stop());
  const sensorConfig = inputBoardSensorSchema.parse({
    port: pty.host,
    input: CONTACT,
    ...(options.exitButton === undefined ? { exitButton: { input: BUTTON } } : { exitButton: options.exitButton }),
  });
  const sensor = new InputBoardSensor('door-contact', sensorConfig, silentLogger);
  cleanups.push(() => sensor.close());
  const board = new SimulatedRelayBoard();
  const lock = new RelayLock('door-lock', board, 1, silentLogger);
  await lock.open();
  const db = openDatabase(':memory:');
  cleanups.push(() => void db.close());
  const log = new EntryLog(db);
  const rules = doorSchema.parse({ pulseMs: 500 });
  const controller = new DoorController({
    rules,
    timeZone: 'Europe/Stockholm',
    central: new CentralDouble(),
    lock,
    sensor,
    alarmOutputs: [],
    log,
    metrics: noopMetrics,
    logger: silentLogger,
    // After closing: nobody may come in, and anyone leaving does so alone.
    clock: { now: () => new Date('2026-11-30T23:30:00+01:00') },
    // A day long unless the test waits for its end: a busy machine must not end it before the door opens.
    timing: { exitWindowMs: options.windowMs ?? 86_400_000 },
  });
  cleanups.push(() => controller.stop());
  // The door listens before the board connects (as after a reconnect): what the board reports at connect reaches it.
  await sensor.open();
  await until(() => sensor.current() === 'closed', WAIT, 'the contact reported closed');
  await until(() => sensor.exitButton() === (options.held ? 'pressed' : 'released'), WAIT, 'the button reported');
  await waitFor(controller.actor, (s) => (s.value as { contact: string }).contact === 'closed', { timeout: WAIT });
  const state = () => controller.actor.getSnapshot().value as { entry: string; contact: string; egress: string };
  const alarms = () => log.between(new Date(0), new Date(Date.now() + 86_400_000)).alarms.map((a) => a.kind);
  const press = async () => {
    await inputs.set(BUTTON, 1);
    await inputs.set(BUTTON, 0);
  };
  const opens = async () => {
    await inputs.set(CONTACT, 1);
    await until(() => sensor.current() === 'open', WAIT, 'the contact reported open');
    await waitFor(controller.actor, (s) => (s.value as { contact: string }).contact !== 'closed', { timeout: WAIT });
  };
  const closes = async () => {
    await inputs.set(CONTACT, 0);
    await waitFor(controller.actor, (s) => (s.value as { contact: string }).contact === 'closed', { timeout: WAIT });
  };
  return { controller, board, state, alarms, press, opens, closes, inputs };
}

describe('exit button (request to exit) on the door contact input board', () => {
  it('a press pulses the lock and the door opening from inside is no forced door', async () => {
    const t = await door();
    await t.press();
    await waitFor(t.controller.actor, (s) => (s.value as { egress: string }).egress === 'leaving', { timeout: WAIT });
    await until(() => t.board.commands.includes('1:on'), WAIT, 'the lock pulsed');
    await t.opens();
    expect(t.state().contact).toBe('open');
    expect(t.controller.view().alarm).toBeUndefined();
    await t.closes();
    expect(t.alarms()).toEqual([]);
    // The pulse ends with the relay off: the door is locked again.
    await until(() => t.board.commands.at(-1) === '1:off', WAIT, 'the lock released');
    expect(t.state().entry).toBe('idle');
  });

  it('without a press, or once the exit window is over, the door opening from inside is forced', async () => {
    const t = await door({ windowMs: 200 });
    await t.opens();
    expect(t.state().contact).toBe('forced');
    await t.closes();
    expect(t.alarms()).toEqual(['forced']);
    expect(t.board.commands).not.toContain('1:on');

    await t.press();
    await waitFor(t.controller.actor, (s) => (s.value as { egress: string }).egress === 'leaving', { timeout: WAIT });
    // Nobody went out: the window ends, and the door opening after it is forced again.
    await waitFor(t.controller.actor, (s) => (s.value as { egress: string }).egress === 'none', { timeout: WAIT });
    await t.opens();
    expect(t.state().contact).toBe('forced');
  });

  it('during a staff lockdown a press pulses nothing (the handle inside is the way out) but is still no forced door', async () => {
    const t = await door();
    t.controller.setLockdown({ since: new Date().toISOString(), who: 'jour', reason: 'test' });
    await t.press();
    await waitFor(t.controller.actor, (s) => (s.value as { egress: string }).egress === 'leaving', { timeout: WAIT });
    await t.opens();
    expect(t.state().contact).toBe('open');
    expect(t.board.commands).not.toContain('1:on');
  });

  it('a button held down when the board connects is not a press, and a repeated level is not a second one', async () => {
    const t = await door({ held: true });
    await t.opens();
    expect(t.state().contact).toBe('forced');
    expect(t.board.commands).not.toContain('1:on');
    await t.closes();
    // Released, then pressed for real: now it is one.
    await t.inputs.set(BUTTON, 0);
    await t.inputs.set(BUTTON, 1);
    await waitFor(t.controller.actor, (s) => (s.value as { egress: string }).egress === 'leaving', { timeout: WAIT });
    await until(() => t.board.commands.filter((c) => c === '1:on').length === 1, WAIT, 'one pulse');
  });

  it('config: the exit button cannot share the door contact input', () => {
    const parsed = inputBoardSensorSchema.safeParse({ port: '/dev/ttyUSB0', input: 2, exitButton: { input: 2 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['exitButton', 'input']);
  });
});
