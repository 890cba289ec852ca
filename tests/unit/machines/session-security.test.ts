import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { checkoutItem, type SessionServices } from '../../../main/machines/item-actions.ts';
import { sessionMachine } from '../../../main/machines/session.ts';
import type { ItemPad, LibraryTag, PadEvent, SecurityState } from '../../../shared/devices/rfid.ts';
import type { CentralSystem, CheckoutRefusal, PatronInfo } from '../../../shared/domain/central.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { Emitter } from '../../../shared/events.ts';
import { CentralDouble } from '../../doubles/central-double.ts';

/** An in-memory pad: records every security write, and can fail them. */
class TestPad implements ItemPad {
  readonly id = 'pad';
  readonly state = new Map<string, SecurityState>();
  private readonly events = new Emitter<{ e: PadEvent }>();
  constructor(private readonly writesFail: boolean) {}
  items(): LibraryTag[] {
    return [];
  }
  onEvent(l: (e: PadEvent) => void) {
    return this.events.on('e', l);
  }
  async setSecurity(uid: string, state: SecurityState) {
    if (this.writesFail) return { uid, requested: state, confirmed: false, reason: 'rfid.afi-mismatch' };
    this.state.set(uid, state);
    return { uid, requested: state, confirmed: true };
  }
}

const patronInfo: PatronInfo = {
  cardNumber: 'c',
  name: 'Anna L',
  valid: true,
  pinValid: true,
  mayBorrow: true,
  blockReasons: [],
  fines: { amount: 0, currency: 'SEK' },
  screenMessages: [],
  loans: [],
  holdsReady: [],
  holdsPending: [],
  overdueCount: 0,
  extra: {},
};

type Outcome = 'ok' | CheckoutRefusal | 'transport-error';

/** The demo central system, scripted: each item's checkout ends as the property drew it, and is recorded. */
function central(outcomes: Map<string, Outcome>, checkouts: string[]): CentralSystem {
  return new CentralDouble().script('checkout', ([{ itemId }]) => {
    checkouts.push(itemId);
    const o = outcomes.get(itemId) ?? 'ok';
    if (o === 'transport-error') throw new OpenBranchError('sip2.timeout', 'no answer');
    return o === 'ok'
      ? { ok: true, itemId, dueDate: '2026-12-26', screenMessages: [] }
      : { ok: false, itemId, refusal: o, screenMessages: [] };
  });
}

const tag = (itemId: string, part: number, parts: number, copy: number): LibraryTag => ({
  uid: `E004${String(copy).padStart(2, '0')}${itemId.padStart(6, '0')}${String(part).padStart(4, '0')}`,
  model: 'iso28560-3',
  usage: 'item',
  itemId,
  partsInSet: parts,
  partNumber: part,
});

describe('check-out security', () => {
  const outcome = fc.constantFrom<Outcome>(
    'ok',
    'ok',
    'on-hold-for-other',
    'not-for-loan',
    'already-yours',
    'patron-blocked',
    'transport-error',
  );

  it('never releases an item whose checkout failed, nor checks one out twice, whatever items, parts, order and outcomes (real session machine)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.integer({ min: 1, max: 30 }).map(String), parts: fc.integer({ min: 1, max: 3 }), outcome }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.boolean(),
        fc.array(fc.boolean(), { maxLength: 18 }),
        async (raw, writesFail, lifts) => {
          // The same id more than once is the same item with more tags, which may disagree on the set's size.
          const outcomes = new Map<string, Outcome>();
          for (const i of raw) if (!outcomes.has(i.id)) outcomes.set(i.id, i.outcome);
          const sizes = new Map<string, Set<number>>();
          for (const i of raw) sizes.set(i.id, (sizes.get(i.id) ?? new Set()).add(i.parts));
          const checkouts: string[] = [];
          const pad = new TestPad(writesFail);
          const services: SessionServices = {
            central: central(outcomes, checkouts),
            pad,
            branchId: 'VAS',
            branchName: (c) => c,
            pickupLabel: () => '',
            checkInOnSecurityFailure: false,
          };
          const actor = createActor(
            sessionMachine.provide({
              actors: {
                fetchPatron: fromPromise(async () => patronInfo),
                checkoutItem: fromPromise(({ input }) => checkoutItem(services, input.patron!, input.job.itemId, input.job.uids)),
              },
            }),
            { input: { policy: { pinRequired: false, idleSeconds: 600, warningSeconds: 10, receipt: 'none' } } },
          ).start();
          actor.send({ type: 'card.entered', number: 'c', source: 'keypad' });
          await waitFor(actor, (s) => JSON.stringify(s.value).includes('menu'));
          actor.send({ type: 'menu.checkout' });
          const placed = new Map<string, LibraryTag>();
          raw.forEach((i, copy) => {
            for (let p = 1; p <= i.parts; p++) placed.set(`${i.id}/${p}/${copy}`, tag(i.id, p, i.parts, copy));
          });
          // Some tags are lifted at once: before, while or after their item is processed.
          [...placed.values()].forEach((t, i) => {
            actor.send({ type: 'pad.placed', tag: t });
            if (lifts[i]) actor.send({ type: 'pad.lifted', uid: t.uid });
          });
          await waitFor(
            actor,
            (s) =>
              s.context.lines.every((l) => l.status !== 'waiting' && l.status !== 'processing') &&
              JSON.stringify(s.value).includes('watching'),
          );
          for (const t of placed.values()) {
            if (pad.state.get(t.uid) === 'released') expect(outcomes.get(t.itemId)).toBe('ok');
          }
          expect(new Set(checkouts).size).toBe(checkouts.length);
          const lines = actor.getSnapshot().context.lines;
          // Every item sent to the central system shows its own outcome on its own line.
          for (const id of checkouts) {
            const mine = lines.filter((l) => l.itemId === id);
            expect(mine).toHaveLength(1);
            expect(mine[0]!.status).toBe(outcomes.get(id) === 'ok' ? (writesFail ? 'see-staff' : 'done') : 'refused');
          }
          // The others were never processed: a part missing, or tags that disagree on the set's size.
          for (const line of lines.filter((l) => !checkouts.includes(l.itemId))) {
            if (sizes.get(line.itemId)!.size > 1 && line.status === 'see-staff') expect(line.reason).toBe('set-inconsistent');
            else expect(line.status).toBe('incomplete');
          }
          actor.stop();
        },
      ),
      { numRuns: 200 },
    );
  });
});
