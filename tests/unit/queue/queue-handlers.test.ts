import { afterEach, describe, expect, it } from 'vitest';
import { RequestRouter } from '../../../main/hub/request-router.ts';
import { queueHandlers } from '../../../main/hub/requests/queue-handlers.ts';
import { createQueuedCentral } from '../../../main/queue/queued-central.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { offlineSchema } from '../../../shared/config/offline.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { ManualClock } from '../../doubles/manual-clock.ts';
import { centralWithBooks } from './fixtures.ts';
import { tempDirs } from './temp-db.ts';

const temp = tempDirs();
afterEach(() => temp.cleanup());

/** A queue in front of the central-system double, replaying as fast as it may, on a fresh SQLite file. */
function offlineKiosk() {
  const central = centralWithBooks();
  const clock = new ManualClock();
  const policy = offlineSchema.parse({ requirePin: false, replayPerSecond: 1000, settleSeconds: 0 });
  const queue = createQueuedCentral({ central, db: openDatabase(temp.file()), policy, branchId: 'VAS', clock, logger: silentLogger });
  return { central, clock, queue };
}

describe('queue requests for the technician screen', () => {
  it('status, list and replay through the router, technician only, cards shortened', async () => {
    const { central, clock, queue } = offlineKiosk();
    central.fault = 'down';
    await queue.checkout({ cardNumber: '23000000000017', itemId: '39000000000001' });
    await queue.checkout({ cardNumber: '23000000000017', itemId: '39000000000002' });
    await queue.checkout({ cardNumber: '23000000000017', itemId: '39000000000003' });
    const router = new RequestRouter(queueHandlers(queue), async () => true, silentLogger);
    const session = { technician: false };
    expect(await router.handle('queue.status', {}, session)).toMatchObject({ ok: false, error: { code: 'bridge.forbidden' } });
    session.technician = true;
    expect(await router.handle('queue.status', {}, session)).toMatchObject({ ok: true, value: { backlog: 3, mode: 'offline' } });
    const list = await router.handle('queue.list', { state: 'pending' }, session);
    expect(list).toMatchObject({ ok: true, value: { rows: [{ card: '…0017' }, {}, {}] } });
    central.fault = 'none';
    const replay = router.handle('queue.replay', {}, session);
    await clock.advance(100);
    expect(await replay).toMatchObject({ ok: true, value: { done: 3, remaining: 0 } });
    queue.close();
    queue.store.db.close();
  });

  it('a conflict is marked handled from the technician screen and stays on record', async () => {
    const { central, clock, queue } = offlineKiosk();
    central.fault = 'down';
    await queue.checkout({ cardNumber: '23000000000017', itemId: '39000000000001' });
    // Meanwhile the item was lent to someone else at another branch.
    central.lend('39000000000001', '23000000000099');
    central.fault = 'none';
    const router = new RequestRouter(queueHandlers(queue), async () => true, silentLogger);
    const session = { technician: true };
    const replay = router.handle('queue.replay', {}, session);
    await clock.advance(100);
    await replay;
    const conflicts = await router.handle('queue.list', { state: 'conflict' }, session);
    expect(conflicts).toMatchObject({ ok: true, value: { rows: [{ reason: 'checked-out-to-other', handled: null }] } });
    const id = (conflicts as { value: { rows: Array<{ id: string }> } }).value.rows[0]!.id;
    expect(await router.handle('queue.status', {}, session)).toMatchObject({ ok: true, value: { openConflicts: 1 } });
    expect(await router.handle('queue.handle', { id, by: 'Maria' }, session)).toEqual({ ok: true, value: { ok: true } });
    expect(await router.handle('queue.status', {}, session)).toMatchObject({ ok: true, value: { openConflicts: 0 } });
    expect(await router.handle('queue.list', { state: 'conflict' }, session)).toMatchObject({
      ok: true,
      value: { rows: [{ id, handled: expect.any(String) }] },
    });
    // A transaction that is not a conflict cannot be "handled".
    expect(await router.handle('queue.handle', { id: 'nope' }, session)).toMatchObject({ ok: false, error: { code: 'queue.not-found' } });
    queue.close();
    queue.store.db.close();
  });
});
