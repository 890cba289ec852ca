import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

/**
 * Property over the door, the people counter and the schedule together:
 * patrons entering with right and wrong PINs at any hour, people following
 * them in, people leaving, the clock moving through closing. Whatever the
 * order: the lock opens only when the rules allow; every opening with more
 * people in than were let in is recorded as a tailgate with the right count
 * (and none other is); and the alarm is never armed while anyone is counted
 * inside before the lock-up grace has run out.
 */
const PATRONS: Record<string, { pin: string; eligible: boolean }> = {
  '1001': { pin: '1234', eligible: true },
  '1002': { pin: '2345', eligible: true },
  '1003': { pin: '3456', eligible: false },
};
const GRACE_MINUTES = 15;
const day = (hhmmss: string) => new Date(`2026-11-30T${hhmmss}+01:00`).getTime();
const OPEN = { from: day('06:00:00'), to: day('22:00:00') };

type Step =
  | { type: 'enter'; card: string; pin: string; followers: number }
  | { type: 'leave'; count: number }
  | { type: 'time'; at: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('enter' as const),
      card: fc.constantFrom(...Object.keys(PATRONS)),
      pin: fc.constantFrom('1234', '2345', '3456', '0000'),
      followers: fc.nat({ max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('leave' as const), count: fc.integer({ min: 1, max: 3 }) }) },
  // The clock moves forward: mostly around closing (21:50-22:40), sometimes far.
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('time' as const), at: fc.integer({ min: day('21:50:00'), max: day('22:40:00') }) }),
  },
);

describe('door + people counter + schedule: property', () => {
  it('no grant outside the rules, every tailgate found, never armed with people inside before the grace ends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
        const central = new CentralDouble().script('patronInformation', ([card, pin]) =>
          patron({ cardNumber: card, pinValid: pin === PATRONS[card]!.pin, extra: PATRONS[card]!.eligible ? { meroppet: 'Y' } : {} }),
        );
        const lock = countingLock();
        const sensor = new SimulatedDoorSensor('contact');
        const counter = new SimulatedPeopleCounter('counter');
        const armBoard = new SimulatedRelayBoard();
        const arm = new BoardRelayOutput('arm', 'alarm-arm', armBoard, 1);
        for (const d of [sensor, counter, arm]) await d.open();
        const db = openDatabase(':memory:');
        const ops = new OpsLog(db);
        const schedule = new DemoClock();
        const door = new DoorController({
          clock: schedule,
          rules: doorSchema.parse({
            closing: { lockupGraceMinutes: GRACE_MINUTES },
            tailgating: { action: 'log', settleSeconds: 2 },
          }),
          timeZone: 'Europe/Stockholm',
          central,
          lock,
          sensor,
          alarmOutputs: [],
          alarmArm: [arm],
          counter,
          log: new EntryLog(db),
          ops,
          metrics: noopMetrics,
          logger: silentLogger,
        });
        let clock = day('21:30:00');
        schedule.set(new Date(clock));
        let inside = 0;
        let closedAt: number | undefined;
        const armedWhile: Array<{ inside: number; minutesAfterClosing: number }> = [];
        armBoard.onChange(({ on }) => {
          if (on && closedAt !== undefined)
            armedWhile.push({ inside: door.occupancy() ?? 0, minutesAfterClosing: (clock - closedAt) / 60_000 });
        });
        const expectedTailgates: number[] = [];
        const moveTo = (at: number) => {
          if (at <= clock) return;
          if (clock < OPEN.to && at >= OPEN.to) closedAt = at; // the closing is seen at the first tick after 22:00
          clock = at;
          schedule.set(new Date(clock));
        };
        try {
          for (const s of steps) {
            if (s.type === 'time') {
              moveTo(s.at);
            } else if (s.type === 'leave') {
              for (let i = 0; i < s.count; i++) counter.walk('out');
              inside = Math.max(0, inside - s.count);
            } else {
              const before = lock.pulses;
              door.dispatch({ type: 'door.card', number: s.card });
              for (const digit of s.pin) door.dispatch({ type: 'door.digit', digit });
              door.dispatch({ type: 'door.submit' });
              await waitFor(door.actor, (snap) => !['checking', 'granted'].includes((snap.value as { entry: string }).entry));
              const granted = lock.pulses > before;
              const p = PATRONS[s.card]!;
              const open = clock >= OPEN.from && clock < OPEN.to;
              if (granted) {
                expect(s.pin === p.pin && p.eligible && open, `granted ${s.card}/${s.pin} at ${new Date(clock).toISOString()}`).toBe(true);
                sensor.set('open');
                for (let i = 0; i <= s.followers; i++) counter.walk('in');
                sensor.set('closed');
                inside += 1 + s.followers;
                if (s.followers > 0) expectedTailgates.push(s.followers);
              } else if (s.pin === p.pin && p.eligible && open) {
                expect.fail(`refused an eligible patron in opening hours: ${door.view().reason}`);
              }
              // The door shut; the cycle's count is final once the settle time has passed.
              moveTo(clock + 3000);
            }
            expect(door.occupancy()).toBe(inside);
            expect(ops.tailgates('2000-01-01', '2100-01-01').map((t) => t.followers)).toEqual(expectedTailgates);
          }
          // Let the closing run to its end: everyone found, the grace respected.
          moveTo(day('22:40:00'));
          moveTo(clock + (GRACE_MINUTES + 1) * 60_000);
          await new Promise((r) => setImmediate(r));
          for (const a of armedWhile) {
            if (a.inside > 0)
              expect(a.minutesAfterClosing, 'armed with people inside before the grace').toBeGreaterThanOrEqual(GRACE_MINUTES);
          }
          if (closedAt !== undefined) expect(armBoard.relays.get(1), 'armed at the end of the night').toBe(true);
        } finally {
          await door.stop();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
