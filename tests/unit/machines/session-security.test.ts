import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { checkoutItem, type SessionServices } from '../../../main/machines/item-actions.ts';
import { sessionMachine } from '../../../main/machines/session.ts';
import type { ItemPad, LibraryTag, PadEvent, SecurityState } from '../../../shared/devices/rfid.ts';
import type { CentralSystem, CheckoutRefusal, PatronInfo } from '../../../shared/domain/central.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { Emitter } from '../../../shared/events.ts';

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

function central(outcomes: Map<string, Outcome>): CentralSystem {
  return {
    health: () => 'online',
    onHealth: () => () => {},
    patronInformation: async () => patronInfo,
    checkout: async ({ itemId }) => {
      const o = outcomes.get(itemId) ?? 'ok';
      if (o === 'transport-error') throw new OpenBranchError('sip2.timeout', 'no answer');
      return o === 'ok'
        ? { ok: true, itemId, dueDate: '2026-12-26', screenMessages: [] }
        : { ok: false, itemId, refusal: o, screenMessages: [] };
    },
    checkin: async ({ itemId }) => ({ ok: true, itemId, route: { kind: 'shelf' }, screenMessages: [] }),
    renew: async (_c, itemId) => ({ ok: true, itemId, screenMessages: [] }),
    itemInformation: async (itemId) => ({ itemId, known: true, circulation: 'available' }),
    endSession: async () => {},
  };
}

const tag = (itemId: string, part: number, parts: number): LibraryTag => ({
  uid: `E00401${itemId.padStart(6, '0')}${String(part).padStart(4, '0')}`,
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

  it('never releases an item whose checkout failed, whatever items, parts, order and outcomes (real session machine)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.integer({ min: 1, max: 30 }).map(String), parts: fc.integer({ min: 1, max: 3 }), outcome }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.boolean(),
        async (raw, writesFail) => {
          const items = [...new Map(raw.map((i) => [i.id, i])).values()];
          const outcomes = new Map(items.map((i) => [i.id, i.outcome]));
          const pad = new TestPad(writesFail);
          const services: SessionServices = {
            central: central(outcomes),
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
          for (const i of items) for (let p = 1; p <= i.parts; p++) placed.set(`${i.id}/${p}`, tag(i.id, p, i.parts));
          for (const t of placed.values()) actor.send({ type: 'pad.placed', tag: t });
          await waitFor(
            actor,
            (s) =>
              s.context.lines.every((l) => l.status !== 'waiting' && l.status !== 'processing') &&
              JSON.stringify(s.value).includes('watching'),
          );
          for (const t of placed.values()) {
            if (pad.state.get(t.uid) === 'released') expect(outcomes.get(t.itemId)).toBe('ok');
          }
          for (const line of actor.getSnapshot().context.lines) {
            if (outcomes.get(line.itemId) === 'ok') expect(line.status).toBe(writesFail ? 'see-staff' : 'done');
            else expect(line.status).toBe('refused');
          }
          actor.stop();
        },
      ),
      { numRuns: 200 },
    );
  });
});
