import { afterEach, describe, expect, it } from 'vitest';
import { createQueuedCentral, type QueuedCentral } from '../../../main/queue/queued-central.ts';
import { QueueStore } from '../../../main/queue/store.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { offlineSchema } from '../../../shared/config/offline.ts';
import { silentLogger } from '../../../shared/logger.ts';
import type { CentralDouble } from '../../doubles/central-double.ts';
import { ManualClock } from '../../doubles/manual-clock.ts';
import { centralWithBooks, item } from './fixtures.ts';
import { tempDirs } from './temp-db.ts';

const temp = tempDirs();
const open: QueuedCentral[] = [];
afterEach(() => {
  for (const q of open.splice(0)) {
    q.close();
    q.store.db.close();
  }
  temp.cleanup();
});

const CARD = '23000000000017';
const policy = offlineSchema.parse({
  onlineAfterSeconds: 30,
  probeSeconds: 5,
  replayPerSecond: 10,
  requirePin: false,
  maxItemsPerPatron: 50,
  backoffSeconds: 2,
  settleSeconds: 0,
});

function setup(file = temp.file(), central = centralWithBooks(), clock = new ManualClock()) {
  const queue = createQueuedCentral({ central, db: openDatabase(file), policy, branchId: 'VAS', clock, logger: silentLogger });
  open.push(queue);
  return { file, central, clock, queue };
}

async function goOffline(queue: QueuedCentral, central: CentralDouble) {
  central.fault = 'down';
  for (const n of [900, 901]) await queue.checkin({ itemId: item(n), location: 'VAS' });
  expect(queue.mode()).toBe('offline');
}

const states = (q: QueuedCentral) => q.store.db.prepare('SELECT item, state, outcome, reason FROM queue_transactions ORDER BY seq').all();

describe('replay', () => {
  it('comes back only after a good probe held for the configured time, then replays in order with no-block and the original time', async () => {
    const { central, clock, queue } = setup();
    central.lend(item(1), CARD);
    await goOffline(queue, central);
    const t0 = clock.now();
    await queue.checkin({ itemId: item(1), location: 'VAS' });
    await clock.advance(60_000);
    const t1 = clock.now();
    await queue.checkout({ cardNumber: CARD, itemId: item(2) });
    await queue.checkout({ cardNumber: CARD, itemId: item(3) });
    central.fault = 'none';
    await clock.advance(5_000); // first good probe
    expect(queue.mode()).toBe('offline');
    expect(central.applied).toEqual([]);
    await clock.advance(35_000);
    expect(queue.mode()).toBe('online');
    // 900 and 901 timed out while online: the check found them not on loan (already back), so they are not resent.
    expect(central.applied).toEqual([
      { kind: 'checkin', item: item(1), noBlock: true, transactionTime: new Date(t0) },
      { kind: 'checkout', item: item(2), card: CARD, noBlock: true, transactionTime: new Date(t1) },
      { kind: 'checkout', item: item(3), card: CARD, noBlock: true, transactionTime: new Date(t1) },
    ]);
    expect(central.loanOf(item(2))).toBe(CARD);
    expect(central.loanOf(item(1))).toBeUndefined();
    expect(queue.store.backlog()).toBe(0);
  });

  it('keeps a bounded rate', async () => {
    const { central, clock, queue } = setup();
    await goOffline(queue, central);
    for (let i = 0; i < 18; i++) await queue.checkout({ cardNumber: CARD, itemId: item(i) });
    central.fault = 'none';
    await clock.advance(30_000); // good probe at once (t=0 tick), held 30 s: replay starts
    await clock.advance(1_000);
    // 10 requests per second: in the first second 2 checks and about 8 checkouts, not all 18.
    expect(central.applied.length).toBeGreaterThanOrEqual(7);
    expect(central.applied.length).toBeLessThanOrEqual(9);
    await clock.advance(1_500);
    expect(central.applied.length).toBe(18);
  });

  it('a refusal on replay is a conflict with the server’s reason and message; the rest carries on', async () => {
    const { central, clock, queue } = setup();
    await goOffline(queue, central);
    await queue.checkout({ cardNumber: CARD, itemId: 'NO-SUCH-ITEM' });
    await queue.checkout({ cardNumber: CARD, itemId: item(5) });
    central.fault = 'none';
    await clock.advance(40_000);
    expect(states(queue).slice(2)).toEqual([
      { item: 'NO-SUCH-ITEM', state: 'conflict', outcome: null, reason: 'unknown-item' },
      { item: item(5), state: 'done', outcome: 'ok', reason: null },
    ]);
    expect(queue.store.db.prepare("SELECT server_message AS m FROM queue_transactions WHERE state = 'conflict'").get()).toEqual({
      m: 'Invalid Item',
    });
  });

  it('an answer lost after the server applied it is checked, not resent (none doubled)', async () => {
    const { central, clock, queue } = setup();
    central.fault = 'lose-answer';
    const r = await queue.checkout({ cardNumber: CARD, itemId: item(6) });
    expect(r).toMatchObject({ ok: true, offline: true });
    await queue.checkout({ cardNumber: CARD, itemId: item(7) });
    expect(queue.mode()).toBe('offline');
    central.fault = 'none';
    await clock.advance(40_000);
    expect(central.applied.filter((a) => a.kind === 'checkout').map((a) => a.item)).toEqual([item(6), item(7)]);
    expect(states(queue)).toEqual([
      { item: item(6), state: 'done', outcome: 'checked', reason: null },
      { item: item(7), state: 'done', outcome: 'checked', reason: null },
    ]);
  });

  it('an unanswered attempt is checked only after the settle time: a slow server that applies it late gets it once', async () => {
    const run = async (settleSeconds: number) => {
      // A server that renews a checkout the patron already has (Koha with renewals allowed): a resend is applied again.
      const central = centralWithBooks().script('checkout', ([req], next) => next([{ ...req, renewalAllowed: true }]));
      const clock = new ManualClock();
      const p = offlineSchema.parse({ ...policy, settleSeconds });
      const queue = createQueuedCentral({
        central,
        db: openDatabase(temp.file()),
        policy: p,
        branchId: 'VAS',
        clock,
        logger: silentLogger,
      });
      open.push(queue);
      central.fault = 'apply-later';
      await queue.checkout({ cardNumber: CARD, itemId: item(8) });
      await queue.checkout({ cardNumber: CARD, itemId: item(9) });
      central.fault = 'none';
      await clock.advance(45_000);
      central.applyLate(); // the server gets round to them 45 s late
      await clock.advance(30_000);
      expect(queue.mode()).toBe('online');
      return central.applied.map((a) => a.item);
    };
    expect(await run(60)).toEqual([item(8), item(9)]);
    // The same with no settle time sends them again before the server applied them: twice each. (Why settleSeconds exists.)
    expect(await run(0)).toEqual([item(8), item(9), item(8), item(9)]);
  });

  it('a transport failure mid-replay stops the round (nothing overtakes) and backs off, doubling', async () => {
    const { central, clock, queue } = setup();
    await goOffline(queue, central);
    for (let i = 10; i < 15; i++) await queue.checkout({ cardNumber: CARD, itemId: item(i) });
    central.fault = 'none';
    await clock.advance(30_000);
    expect(queue.mode()).toBe('recovering');
    let calls = 0;
    const original = central.checkout.bind(central);
    central.checkout = async (req) => {
      if (++calls <= 3) throw new (await import('../../../shared/errors.ts')).OpenBranchError('sip2.disconnected', 'gone');
      return original(req);
    };
    await clock.advance(5_000);
    // Three failures: back to offline; the hold time runs again from the next good probe.
    expect(queue.mode()).toBe('offline');
    expect(central.applied).toEqual([]);
    await clock.advance(60_000);
    expect(queue.mode()).toBe('online');
    expect(calls).toBe(3 + 5);
    expect(central.applied.filter((a) => a.kind === 'checkout').map((a) => a.item)).toEqual([10, 11, 12, 13, 14].map(item));
  });

  it('after a crash: a maybe-sent checkout the patron never saw is a conflict if it happened, cancelled if not; a never-sent one is cancelled', async () => {
    const file = temp.file();
    const central = centralWithBooks();
    const store = new QueueStore(openDatabase(file));
    const tx = { kind: 'checkout' as const, card: CARD, branch: 'VAS', at: 1 };
    store.record({ ...tx, item: item(40), attempts: 1 });
    central.lend(item(40), CARD); // the server applied it, then the kiosk died
    store.record({ ...tx, item: item(41), attempts: 1 });
    store.record({ ...tx, item: item(42), attempts: 0 });
    store.record({ kind: 'checkin', branch: 'VAS', at: 1, item: item(43), attempts: 1 });
    const { clock, queue } = setup(file, central);
    await clock.advance(1_000);
    expect(queue.mode()).toBe('online');
    expect(states(queue)).toEqual([
      { item: item(40), state: 'conflict', outcome: 'applied-untold', reason: 'applied-untold' },
      { item: item(41), state: 'cancelled', outcome: null, reason: 'not-applied' },
      { item: item(42), state: 'cancelled', outcome: null, reason: 'interrupted' },
      { item: item(43), state: 'done', outcome: 'applied-untold', reason: null },
    ]);
    expect(central.applied).toEqual([]);
    store.db.close();
  });

  it('replays now on request, and two replayers on one file never both send', async () => {
    const file = temp.file();
    const clock = new ManualClock();
    const { central, queue } = setup(file, centralWithBooks(), clock);
    await goOffline(queue, central);
    central.lend(item(900), CARD);
    central.lend(item(901), CARD);
    central.fault = 'none';
    const second = setup(file, central, clock).queue;
    const both = Promise.all([queue.replayNow(), second.replayNow()]);
    await clock.advance(2_000);
    const [a, b] = await both;
    expect([a.stoppedBy, b.stoppedBy]).toContain('queue.replay-busy');
    expect(central.applied.map((x) => x.item)).toEqual([item(900), item(901)]);
  });
});
