import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRANCHES, DEMO_ITEMS, DEMO_PATRONS } from '../../../main/central/demo/data.ts';
import { connectCentral, type Sip2Connection } from '../../../main/central/index.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import type {
  CheckinResult,
  CheckoutResult,
  HoldRequest,
  HoldResult,
  ItemInfo,
  PatronInfo,
  RenewResult,
} from '../../../shared/domain/central.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from '../../doubles/central-double.ts';

/**
 * The unit tests' CentralSystem double against the real thing: the demo
 * ACS over SIP2 on loopback through Sip2Central. The same questions, in the
 * same order, to both; what the flows and the door decide on must agree
 * (dates apart: the double does not format SIP dates).
 */
let real: Sip2Connection;
let double: CentralDouble;
beforeAll(async () => {
  real = await connectCentral(configSchema.parse({ central: { kind: 'demo', latencyMs: 0, port: 0 } }), silentLogger);
  await real.connect();
  double = new CentralDouble();
});
afterAll(async () => real.close());

const patronView = (p: PatronInfo) => ({
  valid: p.valid,
  pinValid: p.pinValid,
  mayBorrow: p.mayBorrow,
  blockReasons: p.blockReasons,
  fines: p.fines.amount,
  name: p.name,
  birthDate: p.birthDate,
  category: p.category,
  homeLibrary: p.homeLibrary,
  meroppet: p.extra.meroppet,
  screenMessages: p.screenMessages,
  loans: p.loans.map((l) => [l.itemId, l.title, l.overdue]),
  holdsReady: p.holdsReady.map((h) => [h.itemId, h.title, h.pickupLocation]),
  holdsPending: p.holdsPending.map((h) => h.itemId),
  overdueCount: p.overdueCount,
});
const checkoutView = (r: CheckoutResult) => ({
  ok: r.ok,
  refusal: r.refusal,
  title: r.title,
  renewed: r.renewed,
  due: r.dueDate !== undefined,
});
const checkinView = (r: CheckinResult) => ({ ok: r.ok, route: r.route, refusal: r.refusal, title: r.title, messages: r.screenMessages });
const holdView = (r: HoldResult) => ({
  ok: r.ok,
  refusal: r.refusal,
  itemId: r.itemId,
  pickup: r.ok ? r.pickupLocation : undefined,
  queue: r.queuePosition,
  available: r.ok ? r.available : undefined,
});
const renewView = (r: RenewResult) => ({ ok: r.ok, title: r.title, due: r.dueDate !== undefined });
const itemView = (r: ItemInfo) => ({ known: r.known, title: r.title, circulation: r.circulation, due: r.dueDate !== undefined });

const CARDS = [...DEMO_PATRONS.map((p) => p.cardNumber), '23000000000999'];
const ANNA = '23000000000017';
const ERIK = '23000000000025';

describe('the CentralSystem double answers as the demo central system does', () => {
  it('patron information for every demo patron, right PIN, wrong PIN, no PIN and brief', async () => {
    for (const card of CARDS) {
      const pin = DEMO_PATRONS.find((p) => p.cardNumber === card)?.pin ?? '1111';
      for (const [p, brief] of [
        [pin, false],
        ['9999', false],
        [undefined, false],
        [pin, true],
      ] as const) {
        const options = { brief };
        expect(patronView(await double.patronInformation(card, p, options)), `${card} ${p} ${brief}`).toEqual(
          patronView(await real.central.patronInformation(card, p, options)),
        );
      }
    }
  });

  it('check-outs, renewals, item information and returns at two branches, item by item, in the same order', async () => {
    const steps: Array<[string, (c: typeof double | Sip2Connection['central']) => Promise<unknown>]> = [];
    for (const item of [...DEMO_ITEMS.map((i) => i.itemId), '39999999999999']) {
      steps.push(
        [`info ${item}`, async (c) => itemView(await c.itemInformation(item))],
        [`Erik borrows ${item}`, async (c) => checkoutView(await c.checkout({ cardNumber: ERIK, itemId: item }))],
        [`Anna borrows ${item}`, async (c) => checkoutView(await c.checkout({ cardNumber: ANNA, itemId: item }))],
        [`Anna borrows ${item} again`, async (c) => checkoutView(await c.checkout({ cardNumber: ANNA, itemId: item }))],
        [`Anna renews ${item}`, async (c) => renewView(await c.renew(ANNA, item))],
        [`info ${item} lent`, async (c) => itemView(await c.itemInformation(item))],
        [`returned at KOP ${item}`, async (c) => checkinView(await c.checkin({ itemId: item, location: 'KOP' }))],
        [`returned at VAS ${item}`, async (c) => checkinView(await c.checkin({ itemId: item, location: 'VAS' }))],
      );
    }
    for (const [what, step] of steps) expect(await step(double), what).toEqual(await step(real.central));
    // Branch names for the routes come from the same region.
    expect(DEMO_BRANCHES.map((b) => b.code)).toContain('KOP');
  });

  it('reservations: placed for pick-up elsewhere, twice, on a reference copy, an unknown item, with a wrong PIN, by blocked patrons, cancelled', async () => {
    const every = DEMO_ITEMS.map((i) => i.itemId);
    const requests: HoldRequest[] = [];
    for (const p of DEMO_PATRONS) {
      for (const itemId of every) requests.push({ cardNumber: p.cardNumber, pin: p.pin, itemId, pickupLocation: 'KOP' });
    }
    requests.push(
      { cardNumber: ANNA, pin: '9999', itemId: every[0]!, pickupLocation: 'VAS' },
      { cardNumber: ANNA, pin: '1234', itemId: '39999999999999', pickupLocation: 'VAS' },
      { cardNumber: ANNA, pin: '1234', itemId: every[1]!, pickupLocation: 'NOWHERE' },
      { cardNumber: '23000000000999', pin: '1111', itemId: every[0]!, pickupLocation: 'VAS' },
      { cardNumber: ANNA, pin: '1234', itemId: every[0]!, pickupLocation: 'KOP', cancel: true },
      { cardNumber: ANNA, pin: '1234', itemId: every[0]!, pickupLocation: 'KOP', cancel: true },
    );
    for (const r of requests) {
      const what = `${r.cancel ? 'cancel' : 'hold'} ${r.cardNumber} ${r.itemId} ${r.pickupLocation}`;
      expect(holdView(await double.hold(r)), what).toEqual(holdView(await real.central.hold!(r)));
    }
  });
});
