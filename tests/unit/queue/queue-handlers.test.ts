import { afterEach, describe, expect, it } from 'vitest';
import { RequestRouter } from '../../../main/hub/request-router.ts';
import { queueHandlers } from '../../../main/hub/requests/queue-handlers.ts';
import { createQueuedCentral } from '../../../main/queue/queued-central.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { offlineSchema } from '../../../shared/config/offline.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble, ManualClock } from './central-double.ts';
import { tempDirs } from './temp-db.ts';

const temp = tempDirs();
afterEach(() => temp.cleanup());

describe('queue requests for the technician screen', () => {
  it('status, list and replay through the router, technician only, cards shortened', async () => {
    const central = new CentralDouble();
    const clock = new ManualClock();
    const policy = offlineSchema.parse({ requirePin: false, replayPerSecond: 1000, settleSeconds: 0 });
    const queue = createQueuedCentral({ central, db: openDatabase(temp.file()), policy, branchId: 'VAS', clock, logger: silentLogger });
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
});
