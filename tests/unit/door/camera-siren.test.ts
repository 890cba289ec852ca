import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { SimulatedPeopleCounter } from '../../../devices/counter/simulated-counter.ts';
import { BoardRelayOutput } from '../../../devices/door/relay-output.ts';
import { SimulatedRelayBoard } from '../../../devices/door/simulated-board.ts';
import { SimulatedDoorSensor } from '../../../devices/door/simulated-sensor.ts';
import { DemoClock } from '../../../main/door/door-clock.ts';
import { DoorController } from '../../../main/door/door-controller.ts';
import { EntryLog } from '../../../main/door/entry-log.ts';
import { OpsLog } from '../../../main/door/ops-log.ts';
import { noopMetrics } from '../../../main/metrics/kiosk-metrics.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { doorSchema } from '../../../shared/config/door.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from '../../doubles/central-double.ts';
import { countingLock } from './counting-lock.ts';
import { patron } from './patron.ts';

const doors: DoorController[] = [];
afterEach(async () => {
  for (const d of doors.splice(0)) await d.stop();
});

const until = async (ok: () => boolean, what: string) => {
  const end = Date.now() + 5000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A door with a camera-trigger output, a siren and a people counter, all on simulated relay boards. */
async function door(rules: Record<string, unknown> = {}) {
  const cameraBoard = new SimulatedRelayBoard();
  const sirenBoard = new SimulatedRelayBoard();
  const camera = new BoardRelayOutput('cctv', 'camera-trigger', cameraBoard, 1);
  const siren = new BoardRelayOutput('siren', 'siren', sirenBoard, 1);
  const sensor = new SimulatedDoorSensor('contact');
  const counter = new SimulatedPeopleCounter('counter');
  for (const d of [camera, siren, sensor, counter]) await d.open();
  const central = new CentralDouble().script('patronInformation', ([card, pin]) => patron({ cardNumber: card, pinValid: pin === '1234' }));
  const lock = countingLock();
  const db = openDatabase(':memory:');
  const ops = new OpsLog(db);
  const clock = new DemoClock();
  const d = new DoorController({
    clock,
    rules: doorSchema.parse({ cameraPulseMs: 50, tailgating: { settleSeconds: 0 }, ...rules }),
    timeZone: 'Europe/Stockholm',
    central,
    lock,
    sensor,
    alarmOutputs: [siren],
    cameras: [camera],
    counter,
    log: new EntryLog(db),
    ops,
    metrics: noopMetrics,
    logger: silentLogger,
  });
  doors.push(d);
  clock.set(new Date('2026-11-30T07:00:00+01:00'));
  const enter = async (pin: string) => {
    d.dispatch({ type: 'door.card', number: '23000000000017' });
    for (const digit of pin) d.dispatch({ type: 'door.digit', digit });
    d.dispatch({ type: 'door.submit' });
    await waitFor(d.actor, (s) => !['checking', 'granted'].includes((s.value as { entry: string }).entry));
  };
  const pulses = () => cameraBoard.commands.filter((c) => c === '1:on').length;
  return { d, clock, sensor, counter, cameraBoard, sirenBoard, ops, enter, pulses };
}

describe('camera-trigger and siren relay outputs', () => {
  it('the camera trigger pulses on each entry counted, and once more for a tailgate', async () => {
    const b = await door();
    await b.enter('1234');
    b.sensor.set('open');
    b.counter.walk('in');
    await until(() => b.cameraBoard.commands.join() === '1:off,1:on,1:off', 'one pulse per entry');
    b.counter.walk('in');
    b.sensor.set('closed');
    b.clock.set(new Date('2026-11-30T07:00:30+01:00'));
    // Second entry + the tailgate itself.
    await until(() => b.pulses() === 3 && b.cameraBoard.relays.get(1) === false, 'tailgate pulse');
    expect(b.ops.tailgates('2000-01-01', '2100-01-01')).toEqual([expect.objectContaining({ followers: 1 })]);
  });

  it('a forced door sounds the siren and pulses the camera trigger; a refusal does neither', async () => {
    const b = await door();
    await b.enter('9999');
    b.sensor.set('closed');
    expect(b.pulses()).toBe(0);
    b.sensor.set('open');
    await until(() => b.sirenBoard.relays.get(1) === true, 'siren on');
    await until(() => b.pulses() === 1, 'camera pulse on forced');
    b.sensor.set('closed');
    await until(() => b.sirenBoard.relays.get(1) === false, 'siren off when the door shuts');
  });

  it('policy "count": a card that let others in too often is refused at the door', async () => {
    const b = await door({ tailgating: { action: 'count', countLimit: 1, settleSeconds: 0 } });
    await b.enter('1234');
    b.sensor.set('open');
    b.counter.walk('in');
    b.counter.walk('in');
    b.sensor.set('closed');
    b.clock.set(new Date('2026-11-30T07:00:30+01:00'));
    await until(() => b.ops.tailgates('2000-01-01', '2100-01-01').length === 1, 'tailgate recorded');
    await waitFor(b.d.actor, (s) => (s.value as { entry: string }).entry === 'idle', { timeout: 10_000 });
    await b.enter('1234');
    expect(b.d.view().reason).toBe('tailgating');
  });
});
