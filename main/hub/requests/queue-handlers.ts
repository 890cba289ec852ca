import type { QueuedCentral } from '../../queue/queued-central.ts';
import { listTransactions, markHandled, queueStatus } from '../../queue/report.ts';
import type { QueueState } from '../../queue/store.ts';
import type { RequestHandlers } from '../request-router.ts';

/** queue.status, queue.list and queue.replay for the technician screen (card numbers shortened). */
export function queueHandlers(
  queue: QueuedCentral,
): Pick<RequestHandlers, 'queue.status' | 'queue.list' | 'queue.replay' | 'queue.handle'> {
  const db = queue.store.db;
  return {
    'queue.status': async () => ({ ...queueStatus(db), mode: queue.mode() }),
    'queue.list': async ({ state }: { state?: string | undefined }) => ({
      rows: listTransactions(db, { state: state as QueueState | undefined, limit: 200 }).map((r) => ({ ...r })),
    }),
    'queue.replay': async () => ({ ...(await queue.replayNow()) }),
    'queue.handle': async ({ id, by }: { id: string; by: string }) => {
      markHandled(db, id, by);
      return { ok: true };
    },
  };
}
