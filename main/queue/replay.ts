import type { CentralSystem } from '../../shared/domain/central.ts';
import { isOpenBranchError, isTransient } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { wasApplied } from './applied.ts';
import type { Ended, QueueRow, QueueStore } from './store.ts';

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

/** Outcomes are written at least this often (at the bounded rate, the batch holds about this long's worth). */
const COMMIT_EVERY_MS = 1000;
/** At most this many transactions per commit; after a crash each of them costs one extra look-up. */
const MAX_BATCH = 256;

/** How many transactions one commit covers at this rate. */
export function batchSize(minIntervalMs: number): number {
  return minIntervalMs <= 0 ? MAX_BATCH : Math.max(1, Math.min(MAX_BATCH, Math.floor(COMMIT_EVERY_MS / minIntervalMs)));
}

/**
 * Sends what the queue holds to the central system in original order:
 * offline transactions with no-block and their original time, and settles
 * the ones whose outcome is unknown by asking for the item's state first.
 * Stops at the first transport failure so nothing overtakes anything.
 *
 * Group commit: the attempts of a batch of fresh transactions are counted
 * in one commit before the first of them is sent, and their outcomes are
 * written with the next batch's attempts. A crash in between leaves the
 * batch "maybe sent", and the next round asks the central system before
 * resending any of it, as after any crash (see QueueStore.commitReplay for
 * why a batch never holds one item twice).
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
  const going = () => !o.keepGoing || o.keepGoing();
  const size = batchSize(o.minIntervalMs);
  const stopped = (row: QueueRow, e: unknown): ReplaySummary => {
    const code = isOpenBranchError(e) ? e.code : 'queue.replay-failed';
    logger.warn({ id: row.id, kind: row.kind, code, transient: isTransient(e) }, 'replay stopped');
    return { ...counts, remaining: store.backlog(), stoppedBy: code };
  };
  let ended: Ended[] = [];
  for (;;) {
    const { batch, next } = store.commitReplay(ended, going() ? size : 0);
    ended = [];
    if (batch.length > 0) {
      for (const [i, row] of batch.entries()) {
        if (i > 0 && !going()) {
          store.stopReplay(ended, undefined, batch.slice(i));
          return { ...counts, remaining: store.backlog() };
        }
        try {
          ended.push({ row, ...(await send(row, central, paced, counts)) });
        } catch (e) {
          store.stopReplay(ended, row, batch.slice(i + 1));
          return stopped(row, e);
        }
      }
      continue;
    }
    if (!next) break;
    if (next.attempts > 0 && o.now() - next.updatedAt < o.settleMs)
      return { ...counts, remaining: store.backlog(), stoppedBy: 'queue.settling', settlesAt: next.updatedAt + o.settleMs };
    try {
      ended.push({ row: next, ...(await settle(next, store, central, paced, counts)) });
    } catch (e) {
      return stopped(next, e);
    }
  }
  return { ...counts, remaining: store.backlog() };
}

type Paced = <T>(call: () => Promise<T>) => Promise<T>;

/** How a transaction ends, written by the caller together with the next batch's attempts. */
type End = Omit<Ended, 'row'>;

/** A transaction that needs a check before anything is sent: unknown, or maybe sent (a crash or failure after its attempt). */
async function settle(row: QueueRow, store: QueueStore, central: CentralSystem, paced: Paced, counts: Counts): Promise<End> {
  if (row.state === 'unknown') return settleUnknown(row, central, paced, counts);
  if (row.attempts > 0) {
    const check = await paced(() => wasApplied(central, row));
    if (check === 'applied') {
      counts.done++;
      return { state: 'done', outcome: 'checked' };
    }
    if (check === 'other-borrower') {
      counts.conflicts++;
      return { state: 'conflict', outcome: null, detail: { reason: 'checked-out-to-other' } };
    }
  }
  // Counted before the send (durably), so a crash after it leaves "maybe sent" on record.
  store.attempt(row);
  return send(row, central, paced, counts);
}

/** Sends one transaction whose attempt is on disk, with no-block and its original time. */
async function send(row: QueueRow, central: CentralSystem, paced: Paced, counts: Counts): Promise<End> {
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
    counts.done++;
    return { state: 'done', outcome: 'ok', detail: { message, dueDate: 'dueDate' in result ? result.dueDate : undefined } };
  }
  counts.conflicts++;
  return { state: 'conflict', outcome: null, detail: { reason: result.refusal ?? 'other', message } };
}

/** The patron was not told it succeeded: never resend, only find out what happened. */
async function settleUnknown(row: QueueRow, central: CentralSystem, paced: Paced, counts: Counts): Promise<End> {
  const check = await paced(() => wasApplied(central, row));
  if (check === 'applied' && row.kind === 'checkin') {
    // The item is back: harmless, nothing for staff.
    counts.done++;
    return { state: 'done', outcome: 'applied-untold' };
  }
  if (check === 'applied') {
    // On loan although the patron was told it failed (or told nothing): staff decide.
    counts.conflicts++;
    return { state: 'conflict', outcome: 'applied-untold', detail: { reason: 'applied-untold' } };
  }
  counts.cancelled++;
  return { state: 'cancelled', outcome: null, detail: { reason: check === 'cannot-tell' ? 'outcome-unknown' : 'not-applied' } };
}
