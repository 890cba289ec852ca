import { afterEach, describe, expect, it } from 'vitest';
import { BoardRelayOutput } from '../../../devices/door/relay-output.ts';
import { SimulatedRelayBoard } from '../../../devices/door/simulated-board.ts';
import { SimulatedDoorSensor } from '../../../devices/door/simulated-sensor.ts';
import { DemoClock } from '../../../main/door/door-clock.ts';
import { DoorController } from '../../../main/door/door-controller.ts';
import { EntryLog } from '../../../main/door/entry-log.ts';
import { noopMetrics } from '../../../main/metrics/kiosk-metrics.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { doorSchema } from '../../../shared/config/door.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from '../../doubles/central-double.ts';
import { until } from '../../support/patience.ts';

const at = (hhmmss: string) => new Date(`2026-11-30T${hhmmss}+01:00`);
/** Closing asks nothing of the central system. */
const unusedCentral = new CentralDouble();

const doors: DoorController[] = [];
afterEach(async () => {
  for (const d of doors.splice(0)) await d.stop();
});

async function branch() {
  const lightsBoard = new SimulatedRelayBoard();
  const armBoard = new SimulatedRelayBoard();
  const lights = new BoardRelayOutput('lights', 'lights', lightsBoard, 1);
  const arm = new BoardRelayOutput('arm', 'alarm-arm', armBoard, 1);
  const sensor = new SimulatedDoorSensor('contact');
  for (const d of [lights, arm, sensor]) await d.open();
  const log = new EntryLog(openDatabase(':memory:'));
  const announced: number[] = [];
  const clock = new DemoClock();
  const door = new DoorController({
    rules: doorSchema.parse({}),
    timeZone: 'Europe/Stockholm',
    central: unusedCentral,
    lock: undefined,
    sensor,
    alarmOutputs: [],
    lights: [lights],
    alarmArm: [arm],
    log,
    metrics: noopMetrics,
    logger: silentLogger,
    clock,
    auditNow: () => clock.now(),
  });
  doors.push(door);
  door.onAnnouncement((a) => announced.push(a.minutes));
  return { door, clock, sensor, log, announced, lights: lightsBoard, arm: armBoard };
}

describe('closing the branch (Monday, unstaffed until 22:00)', () => {
  it('announces 15, 10 and 5 minutes before, then switches the lights off and arms the alarm', async () => {
    const b = await branch();
    for (const t of ['21:40:00', '21:45:30', '21:46:00', '21:50:30', '21:55:30']) b.clock.set(at(t));
    expect(b.announced).toEqual([15, 10, 5]);
    expect(b.door.view().announcement).toEqual({ key: 'door.closingIn', minutes: 5 });
    // Shown for a minute, then gone.
    b.clock.set(at('21:57:00'));
    expect(b.door.view().announcement).toBeUndefined();
    b.clock.set(at('22:00:10'));
    await until(() => b.lights.relays.get(1) === false && b.arm.relays.get(1) === true, 3000, 'lights off, alarm armed');
    expect(b.door.view().evacuation).toBeUndefined();
    b.clock.set(at('06:00:10'));
    await until(() => b.lights.relays.get(1) === true && b.arm.relays.get(1) === false, 3000, 'lights on, alarm disarmed');
  });

  it('warns at closing when the door stands open or someone came in shortly before, and logs it for the morning', async () => {
    const b = await branch();
    b.clock.set(at('21:50:00'));
    b.log.attempt(at('21:50:00'), '23000000000017', 'granted');
    b.sensor.set('open');
    await until(() => b.door.view().contact === 'open', 3000, 'the door seen open');
    b.clock.set(at('22:00:10'));
    expect(b.door.view().evacuation).toEqual({ doorOpen: true, recentEntries: 1, windowMinutes: 30 });
    expect(b.log.report('2026-11-30', '2026-11-30', () => 0).alarms.map((a) => a.kind)).toContain('evacuation');
  });
});
