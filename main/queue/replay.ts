import type { CentralSystem } from '../../shared/domain/central.ts';
import { isOpenBranchError, isTransient } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { wasApplied } from './applied.ts';
import type { QueueRow, QueueStore } from './store.ts';

export interface ReplaySummary {
  readonly sent: number;
  readonly done: number;
  readonly conflicts: number;
  readonly cancelled: number;
  readonly remaining: number;
  /** Error code that stopped the round (the rest waits, in order, for the next round). */
  readonly stoppedBy?: string;
  /** With stoppedBy 'queue.settling': when the next transaction may be checked. */
  readonly settlesAt?: number;
}

export interface ReplayOptions {
  /** Least time between two requests to the central system (the bounded rate). */
  readonly minIntervalMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  /** An unanswered attempt is checked only this long after it (the server may still be applying it). */
  readonly settleMs: number;
  /** Called before each transaction; false stops the round (lease lost, closing). */
  readonly keepGoing?: () => boolean;
}

type Counts = { sent: number; done: number; conflicts: number; cancelled: number };

/**
 * Sends what the queue holds to the central system in original order:
 * offline transactions with no-block and their original time, and settles
 * the ones whose outcome is unknown by asking for the item's state first.
 * Stops at the first transport failure so nothing overtakes anything.
 */
export async function replay(store: QueueStore, central: CentralSystem, logger: Logger, o: ReplayOptions): Promise<ReplaySummary> {
  const counts: Counts = { sent: 0, done: 0, conflicts: 0, cancelled: 0 };
  let lastRequest = Number.NEGATIVE_INFINITY;
  const paced = async <T>(call: () => Promise<T>): Promise<T> => {
    const wait = lastRequest + o.minIntervalMs - o.now();
    if (wait > 0) await o.sleep(wait);
    lastRequest = o.now();
    return call();
  };
  for (let row = store.nextToReplay(); row; row = store.nextToReplay()) {
    if (o.keepGoing && !o.keepGoing()) break;
    if (row.attempts > 0 && o.now() - row.updatedAt < o.settleMs)
      return { ...counts, remaining: store.backlog(), stoppedBy: 'queue.settling', settlesAt: row.updatedAt + o.settleMs };
    try {
      await settle(row, store, central, paced, counts);
    } catch (e) {
      const code = isOpenBranchError(e) ? e.code : 'queue.replay-failed';
      logger.warn({ id: row.id, kind: row.kind, code, transient: isTransient(e) }, 'replay stopped');
      return { ...counts, remaining: store.backlog(), stoppedBy: code };
    }
  }
  return { ...counts, remaining: store.backlog() };
}

type Paced = <T>(call: () => Promise<T>) => Promise<T>;

async function settle(row: QueueRow, store: QueueStore, central: CentralSystem, paced: Paced, counts: Counts): Promise<void> {
  if (row.state === 'unknown') return settleUnknown(row, store, central, paced, counts);
  if (row.attempts > 0) {
    const check = await paced(() => wasApplied(central, row));
    if (check === 'applied') {
      store.finish(row.id, 'done', 'checked');
      counts.done++;
      return;
    }
    if (check === 'other-borrower') {
      store.finish(row.id, 'conflict', null, { reason: 'checked-out-to-other' });
      counts.conflicts++;
      return;
    }
  }
  store.attempt(row.id);
  counts.sent++;
  const transactionTime = new Date(row.createdAt);
  const result =
    row.kind === 'checkout'
      ? await paced(() =>
          central.checkout({
            cardNumber: row.card ?? '',
            itemId: row.item,
            noBlock: true,
            transactionTime,
            // The due date the patron was shown: the central system records it (SIP2 "nb due date").
            ...(row.dueDate ? { promisedDueDate: row.dueDate } : {}),
          }),
        )
      : await paced(() => central.checkin({ itemId: row.item, location: row.branch, noBlock: true, transactionTime }));
  const message = result.screenMessages.join(' / ') || undefined;
  if (result.ok) {
    store.finish(row.id, 'done', 'ok', { message, dueDate: 'dueDate' in result ? result.dueDate : undefined });
    counts.done++;
  } else {
    store.finish(row.id, 'conflict', null, { reason: result.refusal ?? 'other', message });
    counts.conflicts++;
  }
}

/** The patron was not told it succeeded: never resend, only find out what happened. */
async function settleUnknown(row: QueueRow, store: QueueStore, central: CentralSystem, paced: Paced, counts: Counts): Promise<void> {
  const check = await paced(() => wasApplied(central, row));
  if (check === 'applied' && row.kind === 'checkin') {
    // The item is back: harmless, nothing for staff.
    store.finish(row.id, 'done', 'applied-untold');
    counts.done++;
  } else if (check === 'applied') {
    // On loan although the patron was told it failed (or told nothing): staff decide.
    store.finish(row.id, 'conflict', 'applied-untold', { reason: 'applied-untold' });
    counts.conflicts++;
  } else {
    store.finish(row.id, 'cancelled', null, { reason: check === 'cannot-tell' ? 'outcome-unknown' : 'not-applied' });
    counts.cancelled++;
  }
}
