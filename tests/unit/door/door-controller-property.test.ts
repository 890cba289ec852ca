import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { modeAt } from '../../../main/door/schedule.ts';
import { doorSchema } from '../../../shared/config/door.ts';
import type { PatronInfo } from '../../../shared/domain/central.ts';
import { until } from '../../support/patience.ts';
import { type CentralMode, DoorWorld } from './door-world.ts';
import { patron } from './patron.ts';

/**
 * Property over the whole door (bridge, controller, machine, decision, PIN
 * attempt limit, offline cache, entry log, lock relay): whatever patrons,
 * PINs, bridge messages (the simulator's clock and garbage included, in a
 * demo install and in a real one), passing time and faults (a disk that
 * refuses writes, a relay board missing or failing, the library system
 * down or timing out) and their order, the relay is switched on only when
 * the rules allow, an eligible patron is let in whenever nothing prevents
 * it, the door always ends back at idle with the lock off, and every
 * answer reaches the entry log once the disk takes writes again.
 */
type Kind = 'eligible' | 'no-permission' | 'blocked' | 'staff';
const PATRONS: Record<string, { pin: string; kind: Kind }> = {
  '1001': { pin: '1234', kind: 'eligible' },
  '1002': { pin: '2345', kind: 'no-permission' },
  '1003': { pin: '3456', kind: 'blocked' },
  '1004': { pin: '4567', kind: 'staff' },
};
const SCHEDULE = doorSchema.parse({}).schedule;
const TZ = 'Europe/Stockholm';
/** Monday 30 November 2026, 06:30 in Stockholm: unstaffed. */
const START = new Date('2026-11-30T06:30:00+01:00');
const WINDOW_MS = 15 * 60_000;
const DEMO_REFUSAL = 'demo mode is off: there is no simulator';

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
  /** Someone trying PINs for one card, one after another, and perhaps then the right one. */
  | { type: 'guesses'; card: string; count: number; thenRight: boolean }
  | { type: 'time'; minutes: number }
  | { type: 'clock'; hhmm: string }
  | { type: 'junk'; raw: unknown }
  | { type: 'central'; mode: CentralMode }
  | { type: 'disk'; full: boolean }
  | { type: 'relay'; mode: 'ok' | 'missing' | 'throwing' }
  /** Someone inside presses the exit button. */
  | { type: 'exit' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        card: fc.constantFrom(...Object.keys(PATRONS)),
        // The card's own PIN half the time; someone else's, a wrong one, none, or one longer than the pad takes.
        pin: fc.oneof(
          { weight: 6, arbitrary: fc.constant('own') },
          { weight: 6, arbitrary: fc.constantFrom('1234', '2345', '3456', '4567', '9999', '', '12345678901234') },
        ),
      })
      .map(({ card, pin }) => ({ type: 'enter' as const, card, pin: pin === 'own' ? PATRONS[card]!.pin : pin })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('guesses' as const),
      card: fc.constantFrom(...Object.keys(PATRONS)),
      count: fc.integer({ min: 2, max: 7 }),
      thenRight: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('time' as const), minutes: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('clock' as const), hhmm: fc.constantFrom('06:30', '12:30', '23:30', '03:00') }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('junk' as const),
      raw: fc.oneof(
        fc.json(),
        fc.string(),
        fc.constant({ type: 'door', event: { type: 'door.unlock' } }),
        fc.constant({ type: 'door', event: { type: 'door.digit', digit: '12' } }),
        fc.constant({ type: 'simulator', action: { type: 'sim.clock.set', at: 'tomorrow' } }),
        fc.constant({ type: 'simulator', action: { type: 'sim.door.open' } }),
        fc.constant({ type: 'simulator', action: { type: 'sim.door.exit' } }),
        fc.constant({ type: 'simulator', action: { type: 'sim.central.offline', offline: true } }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('central' as const), mode: fc.constantFrom<CentralMode>('up', 'down', 'timeout') }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('disk' as const), full: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ type: 'exit' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('relay' as const),
      mode: fc.constantFrom('ok' as const, 'missing' as const, 'throwing' as const),
    }),
  },
);

/** What the rules say, kept by the test alongside the door: cached patrons, wrong PINs per card, the schedule's time. */
class Rules {
  readonly cached = new Set<string>();
  readonly wrong = new Map<string, number[]>();
  clockSet: { at: number; wall: number } | undefined;

  locked(card: string, wall: number): boolean {
    return (this.wrong.get(card) ?? []).filter((t) => wall - t < WINDOW_MS).length >= 5;
  }

  scheduleNow(demo: boolean, wall: number): number {
    return demo && this.clockSet ? this.clockSet.at + (wall - this.clockSet.wall) : wall;
  }
}

async function idleAndLocked(w: DoorWorld): Promise<void> {
  await waitFor(w.door.actor, (s) => (s.value as { entry: string }).entry === 'idle', { timeout: 10_000 });
  await w.cache.settled();
  expect(w.board.relays.get(1) ?? false, 'the relay is left on').toBe(false);
  expect(w.door.view().lock, 'the door screen says unlocked').toBe('locked');
  if (w.lock.status().state !== 'connected') expect(w.door.view().step, 'a door without its lock is not out of order').toBe('out-of-order');
}

async function enter(w: DoorWorld, rules: Rules, s: Extract<Step, { type: 'enter' }>, faults: { disk: boolean; relay: string }) {
  const p = PATRONS[s.card]!;
  const schedule = new Date(rules.scheduleNow(w.demo, w.wall));
  const rightPin = s.pin === p.pin;
  const eligible = p.kind === 'eligible' || p.kind === 'staff';
  const hoursOk = p.kind === 'staff' || modeAt(SCHEDULE, TZ, schedule) === 'unstaffed';
  const up = w.centralMode === 'up';
  // A relay that fails while still plugged in shows only at its next command: until then the door takes cards.
  const inService = w.lock.status().state === 'connected';
  const checked = s.pin !== '' && inService && !rules.locked(s.card, w.wall);
  const compared = checked && (up || rules.cached.has(s.card));
  const shouldOpen = compared && rightPin && eligible && hoursOk && faults.relay === 'ok';

  const before = w.unlocks();
  w.connection.receive(JSON.stringify({ type: 'door', event: { type: 'door.card', number: s.card } }));
  // A door without its lock says so at the card, and asks for no PIN.
  if (!inService) expect(w.door.view().step, 'asked for a PIN with the lock out of order').toBe('out-of-order');
  for (const digit of s.pin) w.connection.receive(JSON.stringify({ type: 'door', event: { type: 'door.digit', digit } }));
  w.connection.receive(JSON.stringify({ type: 'door', event: { type: 'door.submit' } }));
  await idleAndLocked(w);
  const opened = w.unlocks() > before;
  if (opened) {
    expect(rightPin, 'opened on a wrong or empty PIN').toBe(true);
    expect(eligible, 'opened for a patron the rules refuse').toBe(true);
    expect(hoursOk, 'opened outside the hours').toBe(true);
    expect(rules.locked(s.card, w.wall), 'opened for a card over the PIN limit').toBe(false);
    expect(faults.relay, 'opened with a failed relay').toBe('ok');
    if (!up) expect(rules.cached.has(s.card), 'opened offline for someone not cached').toBe(true);
    w.sensor.set('open');
    w.sensor.set('closed');
  } else if (shouldOpen) {
    expect.fail(`refused an eligible patron (${up ? 'online' : 'from the cache'}): ${w.door.view().reason}`);
  }
  // The rules' side of the same attempt.
  if (compared) {
    if (rightPin) rules.wrong.delete(s.card);
    else rules.wrong.set(s.card, [...(rules.wrong.get(s.card) ?? []), w.wall]);
  }
  if (checked && up && rightPin) {
    if (eligible && !faults.disk) rules.cached.add(s.card);
    if (!eligible) rules.cached.delete(s.card);
  }
}

describe('door controller: property over patrons, PINs, the clock, bridge messages and faults', () => {
  it('opens only when the rules allow, always comes back to idle with the lock off, and loses no entry', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(step, { minLength: 1, maxLength: 20 }), async (demo, steps) => {
        const w = new DoorWorld(demo, START, info);
        await w.start();
        const rules = new Rules();
        const faults = { disk: false, relay: 'ok' as 'ok' | 'missing' | 'throwing' };
        let answers = 0;
        try {
          for (const s of steps) {
            const refusedBefore = w.refused.length;
            switch (s.type) {
              case 'enter': {
                await enter(w, rules, s, faults);
                answers++;
                break;
              }
              case 'guesses':
                for (let i = 0; i < s.count; i++) {
                  await enter(w, rules, { type: 'enter', card: s.card, pin: String(9000 + i) }, faults);
                  answers++;
                }
                if (s.thenRight) {
                  await enter(w, rules, { type: 'enter', card: s.card, pin: PATRONS[s.card]!.pin }, faults);
                  answers++;
                }
                break;
              case 'time':
                w.wall += s.minutes * 60_000;
                break;
              case 'clock': {
                const at = new Date(`${new Date(w.wall).toISOString().slice(0, 10)}T${s.hhmm}:00+01:00`).getTime();
                w.connection.receive(
                  JSON.stringify({ type: 'simulator', action: { type: 'sim.clock.set', at: new Date(at).toISOString() } }),
                );
                if (demo) rules.clockSet = { at, wall: w.wall };
                else expect(w.refused.slice(refusedBefore)).toEqual([DEMO_REFUSAL]);
                break;
              }
              case 'junk':
                w.connection.receive(typeof s.raw === 'string' ? s.raw : JSON.stringify(s.raw));
                break;
              case 'central':
                w.centralMode = s.mode;
                break;
              case 'disk':
                faults.disk = s.full;
                w.disk(s.full);
                break;
              case 'exit': {
                // One pulse for the person leaving when the relay works; no grant, no entry, nothing the rules count.
                const before = w.unlocks();
                const pulses = faults.relay === 'ok' && w.lock.status().state === 'connected';
                w.sensor.pressExit();
                await waitFor(w.door.actor, (x) => (x.value as { egress: string }).egress === 'leaving', { timeout: 10_000 });
                if (pulses) await until(() => w.unlocks() === before + 1 && w.board.relays.get(1) === false, 10_000, 'the exit pulse');
                // A pulse the relay refused ends too: the screen says locked again.
                await until(() => w.door.view().lock === 'locked', 10_000, 'the lock shown locked after the exit press');
                expect(w.unlocks() - before, 'pulses for one exit press').toBe(pulses ? 1 : 0);
                break;
              }
              case 'relay':
                faults.relay = s.mode;
                w.board.throwing = s.mode === 'throwing';
                if (s.mode === 'missing') w.board.unplug();
                else w.board.plug();
                // The device manager reopens a board that is back; a failing one shows on the next command.
                if (s.mode === 'ok' && w.lock.status().state !== 'connected') await w.lock.open();
                break;
            }
            // The schedule's time moves only with the wall clock, or in a demo with the simulator's clock.
            expect(w.scheduleNow().getTime(), 'the schedule clock moved').toBe(rules.scheduleNow(demo, w.wall));
            await idleAndLocked(w);
          }
          // Every answer is in the entry log once the disk takes writes again.
          w.disk(false);
          for (const retry of w.retries.splice(0)) retry();
          const logged = w.log.report('2000-01-01', '2100-01-01', () => 0);
          expect(logged.granted + logged.denied, 'entries lost from the log').toBe(answers);
        } finally {
          await w.stop();
        }
      }),
      { numRuns: 100 },
    );
  }, 300_000);
});
