import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { SimulatedDoorSensor } from '../../../devices/door/simulated-sensor.ts';
import { DemoClock } from '../../../main/door/door-clock.ts';
import { DoorController } from '../../../main/door/door-controller.ts';
import { EntryCache } from '../../../main/door/entry-cache.ts';
import { EntryLog } from '../../../main/door/entry-log.ts';
import { noopMetrics } from '../../../main/metrics/kiosk-metrics.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { doorSchema } from '../../../shared/config/door.ts';
import type { DoorLock } from '../../../shared/devices/door.ts';
import type { CentralSystem, PatronInfo } from '../../../shared/domain/central.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { patron } from './patron.ts';

/**
 * Property over the whole door (controller, machine, decision, offline
 * cache): whatever patrons, PINs, hours, network failures and their order,
 * the lock is pulsed only for a right PIN, an eligible patron (or staff) in
 * unstaffed hours (staff at any hour), and, while the central system is
 * down, only for someone who got in online before with that same PIN.
 */
type Kind = 'eligible' | 'no-permission' | 'blocked' | 'staff';
const PATRONS: Record<string, { pin: string; kind: Kind }> = {
  '1001': { pin: '1234', kind: 'eligible' },
  '1002': { pin: '2345', kind: 'no-permission' },
  '1003': { pin: '3456', kind: 'blocked' },
  '1004': { pin: '4567', kind: 'staff' },
};
const HOURS = { unstaffed: '06:30', staffed: '12:30', closed: '23:30' } as const;

function info(card: string, pin: string | undefined): PatronInfo {
  const p = PATRONS[card]!;
  return patron({
    cardNumber: card,
    pinValid: pin === p.pin,
    blockReasons: p.kind === 'blocked' ? ['blocked'] : [],
    category: p.kind === 'staff' ? 'STAFF' : 'ADULT',
    extra: p.kind === 'no-permission' ? {} : { meroppet: 'Y' },
  });
}

type Step =
  | { type: 'enter'; card: string; pin: string }
  | { type: 'network'; up: boolean; how: 'down' | 'silent' }
  | { type: 'hour'; mode: keyof typeof HOURS };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('enter' as const),
      card: fc.constantFrom(...Object.keys(PATRONS)),
      pin: fc.constantFrom('1234', '2345', '3456', '4567', '9999', ''),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('network' as const),
      up: fc.boolean(),
      how: fc.constantFrom('down' as const, 'silent' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('hour' as const),
      mode: fc.constantFrom('unstaffed' as const, 'staffed' as const, 'closed' as const),
    }),
  },
);

describe('door controller: property over patrons, PINs, hours and network failures', () => {
  it('pulses the lock only when the rules allow, online or from the cache', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        let up = true;
        let how: 'down' | 'silent' = 'down';
        const central = {
          health: () => (up || how === 'silent' ? 'online' : 'offline'),
          onHealth: () => () => {},
          patronInformation: async (card: string, pin?: string) => {
            if (!up) throw new OpenBranchError('sip2.timeout', 'no answer');
            return info(card, pin);
          },
        } as unknown as CentralSystem;
        let pulses = 0;
        const lock = {
          kind: 'door-lock',
          id: 'lock',
          driver: 'test',
          pulse: async () => {
            pulses++;
          },
          release: async () => {},
        } as unknown as DoorLock;
        const sensor = new SimulatedDoorSensor('contact');
        await sensor.open();
        sensor.set('closed');
        const db = openDatabase(':memory:');
        const cache = new EntryCache(db, 14, new EntryLog(db).cardKey);
        const clock = new DemoClock();
        const door = new DoorController({
          rules: doorSchema.parse({ staffCategories: ['STAFF'], pinTries: 100 }),
          timeZone: 'Europe/Stockholm',
          central,
          lock,
          sensor,
          alarmOutputs: [],
          log: undefined,
          cache,
          metrics: noopMetrics,
          logger: silentLogger,
          clock,
        });
        let mode: keyof typeof HOURS = 'unstaffed';
        clock.set(new Date(`2026-11-30T${HOURS[mode]}:00+01:00`));
        const seenOnline = new Set<string>();
        try {
          for (const s of steps) {
            if (s.type === 'network') {
              up = s.up;
              how = s.how;
              continue;
            }
            if (s.type === 'hour') {
              mode = s.mode;
              clock.set(new Date(`2026-11-30T${HOURS[mode]}:00+01:00`));
              continue;
            }
            const before = pulses;
            door.dispatch({ type: 'door.card', number: s.card });
            for (const digit of s.pin) door.dispatch({ type: 'door.digit', digit });
            door.dispatch({ type: 'door.submit' });
            await waitFor(door.actor, (snap) => !['checking', 'granted'].includes((snap.value as { entry: string }).entry));
            await cache.settled(); // the cache's background hash has landed
            const p = PATRONS[s.card]!;
            const granted = pulses > before;
            if (granted) {
              sensor.set('open');
              sensor.set('closed');
            }
            const rightPin = s.pin === p.pin;
            const hoursOk = p.kind === 'staff' || mode === 'unstaffed';
            const eligible = p.kind === 'staff' || p.kind === 'eligible';
            if (granted) {
              expect(rightPin, 'granted on a wrong or empty PIN').toBe(true);
              expect(eligible, 'granted to an ineligible patron').toBe(true);
              expect(hoursOk, 'granted outside the hours').toBe(true);
              if (!up) expect(seenOnline.has(s.card), 'granted offline to someone never checked online').toBe(true);
            } else if (up && rightPin && eligible && hoursOk) {
              expect.fail(`refused an eligible patron online: ${door.view().reason}`);
            }
            if (up && rightPin && eligible) seenOnline.add(s.card);
          }
        } finally {
          await door.stop();
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
