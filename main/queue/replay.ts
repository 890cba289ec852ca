import type { CentralSystem } from '../../shared/domain/central.ts';
import { isOpenBranchError, isTransient } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { wasApplied } from './applied.ts';
import type { FinalState, FinishDetail, QueueOutcome, QueueRow, QueueStore } from './store.ts';

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
  // The attempt of the next fresh transaction is counted in the same commit as the outcome of the
  // one before (one flush per transaction): that one is about to be sent, not "maybe sent".
  let counted: string | undefined;
  for (let row = store.nextToReplay(); row; ) {
    if (o.keepGoing && !o.keepGoing()) break;
    const fresh = row.id === counted;
    if (!fresh && row.attempts > 0 && o.now() - row.updatedAt < o.settleMs)
      return { ...counts, remaining: store.backlog(), stoppedBy: 'queue.settling', settlesAt: row.updatedAt + o.settleMs };
    const current = row;
    try {
      const end = await settle(current, fresh, store, central, paced, counts);
      const { next, attempted } = store.finishAndAttemptNext(current, end.state, end.outcome, end.detail);
      counted = attempted ? next?.id : undefined;
      row = next;
    } catch (e) {
      const code = isOpenBranchError(e) ? e.code : 'queue.replay-failed';
      logger.warn({ id: current.id, kind: current.kind, code, transient: isTransient(e) }, 'replay stopped');
      return { ...counts, remaining: store.backlog(), stoppedBy: code };
    }
  }
  return { ...counts, remaining: store.backlog() };
}

type Paced = <T>(call: () => Promise<T>) => Promise<T>;

/** How a transaction ends, written by the caller together with the next one's attempt. */
interface End {
  readonly state: FinalState;
  readonly outcome: QueueOutcome | null;
  readonly detail?: FinishDetail;
}

/** `fresh`: its attempt was counted with the previous outcome and it was not sent yet. */
async function settle(
  row: QueueRow,
  fresh: boolean,
  store: QueueStore,
  central: CentralSystem,
  paced: Paced,
  counts: Counts,
): Promise<End> {
  if (row.state === 'unknown') return settleUnknown(row, central, paced, counts);
  if (row.attempts > 0 && !fresh) {
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
  if (!fresh) store.attempt(row.id);
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
