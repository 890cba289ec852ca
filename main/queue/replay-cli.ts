import type { OfflinePolicy } from '../../shared/config/offline.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { silentLogger } from '../../shared/logger.ts';
import type { Db } from '../storage/database.ts';
import { type ReplaySummary, replay } from './replay.ts';
import { leaseOwner, QueueStore, replayLease } from './store.ts';

/**
 * `openbranch queue replay`: one round from outside the kiosk process,
 * under the same lease the kiosk takes, so the two never both send.
 */
export async function replayFromCli(db: Db, central: CentralSystem, policy: OfflinePolicy, waitMs: number): Promise<ReplaySummary> {
  const store = new QueueStore(db);
  await waitForLink(central, waitMs);
  const lease = replayLease(db);
  const owner = leaseOwner('cli');
  if (!lease.acquire(owner, 10 * 60_000))
    return { sent: 0, done: 0, conflicts: 0, cancelled: 0, remaining: store.backlog(), stoppedBy: 'queue.replay-busy' };
  try {
    return await replay(store, central, silentLogger, {
      minIntervalMs: 1000 / policy.replayPerSecond,
      settleMs: policy.settleSeconds * 1000,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      now: Date.now,
    });
  } finally {
    lease.release(owner);
  }
}

function waitForLink(central: CentralSystem, ms: number): Promise<void> {
  if (central.health() !== 'offline') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new OpenBranchError('central.offline', `the central system did not answer within ${ms / 1000} s`));
    }, ms);
    const off = central.onHealth((h) => {
      if (h === 'offline') return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
