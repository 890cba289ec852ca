import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { denialReason } from '../../../main/door/eligibility.ts';
import { modeAt } from '../../../main/door/schedule.ts';
import { type DoorDecision, doorEntryMachine } from '../../../main/machines/door-entry.ts';
import { doorSchema } from '../../../shared/config/door.ts';
import type { PatronInfo } from '../../../shared/domain/central.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { patron } from './patron.ts';

const rules = doorSchema.parse({});
const tz = 'Europe/Stockholm';

describe('door eligibility', () => {
  it.each([
    [{}, undefined],
    [{ extra: {} }, 'no-permission'],
    [{ birthDate: '2011-06-15' }, 'under-age'],
    [{ blockReasons: ['blocked'] as const }, 'blocked'],
    [{ blockReasons: ['card-expired'] as const }, 'card-expired'],
    [{ fines: { amount: 350, currency: 'SEK' } }, 'fines'],
    [{ pinValid: false }, 'wrong-pin'],
    [{ valid: false }, 'unknown-patron'],
  ])('%j -> %s', (over, reason) => {
    expect(denialReason(patron(over as Partial<PatronInfo>), '1234', 'unstaffed', rules, '2026-11-30')).toBe(reason);
  });

  it('lets staff in at any hour, and nobody else outside unstaffed hours', () => {
    expect(denialReason(patron({ category: 'STAFF', extra: {} }), '1', 'closed', rules, '2026-11-30')).toBeUndefined();
    expect(denialReason(patron(), '1234', 'closed', rules, '2026-11-30')).toBe('outside-hours');
    expect(denialReason(patron(), '', 'unstaffed', rules, '2026-11-30')).toBe('empty-pin');
  });

  it('counts age on the local date (birthday boundary)', () => {
    expect(denialReason(patron({ birthDate: '2008-11-30' }), '1', 'unstaffed', rules, '2026-11-30')).toBeUndefined();
    expect(denialReason(patron({ birthDate: '2008-12-01' }), '1', 'unstaffed', rules, '2026-11-30')).toBe('under-age');
  });
});

/**
 * Property: whatever the inputs and their order, the real door machine
 * unlocks only when the decision (schedule + eligibility over the patron
 * the central system returned) grants; never on an empty PIN or an error.
 */
describe('door-entry machine', () => {
  const arbPatron = fc.record({
    valid: fc.boolean(),
    pinValid: fc.boolean(),
    category: fc.constantFrom('ADULT', 'CHILD', 'STAFF'),
    extra: fc.constantFrom({ meroppet: 'Y' }, {}),
    birthDate: fc.constantFrom('1980-01-01', '2011-06-15'),
    fines: fc.constantFrom({ amount: 0, currency: 'SEK' }, { amount: 500, currency: 'SEK' }),
    blockReasons: fc.constantFrom([], ['blocked'] as const),
  });
  const arbEvent = fc.oneof(
    fc.constant({ type: 'card.read', number: '23000000000017' } as const),
    fc.constantFrom('0', '1', '2').map((digit) => ({ type: 'pin.digit', digit }) as const),
    fc.constant({ type: 'pin.submit' } as const),
    fc.constant({ type: 'pin.entered', pin: '' } as const),
    fc.constant({ type: 'entry.cancel' } as const),
    fc.constant({ type: 'door.opened' } as const),
    fc.constant({ type: 'door.closed' } as const),
  );

  it('never unlocks outside the rules, on an empty PIN, or on an error', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbPatron,
        fc.integer({ min: 0, max: 23 }),
        fc.boolean(),
        fc.array(arbEvent, { maxLength: 25 }),
        async (p, hour, centralFails, events) => {
          const instant = new Date(`2026-11-30T${String(hour).padStart(2, '0')}:30:00+01:00`);
          let unlocks = 0;
          const grants: DoorDecision[] = [];
          const machine = doorEntryMachine.provide({
            actors: {
              decide: fromPromise(async ({ input }) => {
                if (centralFails) throw new OpenBranchError('sip2.timeout', 'no answer');
                const info = patron(p as Partial<PatronInfo>);
                const reason = denialReason(info, input.pin, modeAt(rules.schedule, tz, instant), rules, '2026-11-30');
                const d: DoorDecision = reason ? { grant: false, reason } : { grant: true, staff: info.category === 'STAFF' };
                grants.push(d);
                return d;
              }),
              unlock: fromPromise(async () => {
                unlocks++;
              }),
            },
          });
          const actor = createActor(machine, {
            input: { timing: { pinTimeoutMs: 60_000, heldOpenMs: 60_000, resultMs: 60_000, maxPinLength: 12 } },
          }).start();
          for (const e of events) {
            actor.send(e);
            await Promise.resolve();
            await new Promise((r) => setImmediate(r));
          }
          actor.stop();
          const allowed = grants.filter((g) => g.grant).length;
          expect(unlocks).toBeLessThanOrEqual(allowed);
          if (centralFails) expect(unlocks).toBe(0);
          const mode = modeAt(rules.schedule, tz, instant);
          if (mode !== 'unstaffed' && p.category !== 'STAFF') expect(unlocks).toBe(0);
          if (!p.valid || !p.pinValid) expect(unlocks).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
