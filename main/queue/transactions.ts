import type { OfflinePolicy } from '../../shared/config/offline.ts';
import type {
  CentralSystem,
  CheckinRequest,
  CheckinResult,
  CheckoutRequest,
  CheckoutResult,
  RenewResult,
} from '../../shared/domain/central.ts';
import { isTransient, OpenBranchError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { offlineLoan, offlineLoanRefused, offlineReturn, offlineReturnRefused } from './offline-answers.ts';
import type { LinkMode } from './online-switch.ts';
import type { PinCache } from './pin-cache.ts';
import { offlineCheckoutDecision, offlineDueDate } from './policy.ts';
import type { QueueRow, QueueStore } from './store.ts';

export interface TransactionDeps {
  readonly central: CentralSystem;
  readonly store: QueueStore;
  readonly pins: PinCache;
  readonly policy: OfflinePolicy;
  readonly branchId: string;
  /** The branch's time zone: an offline loan's due date is a local date. */
  readonly timeZone?: string;
  readonly now: () => number;
  readonly logger: Logger;
  readonly mode: () => LinkMode;
  /** Sends a request, counting transport failures against the link. */
  readonly send: <T>(call: () => Promise<T>) => Promise<T>;
}

/**
 * Checkout, checkin and renew through the write-ahead record: online the
 * row is written `pending` (attempts 1) before the request and finished
 * before the answer is returned; offline (or when the request fails on
 * the wire) the policy decides and the row waits for replay.
 */
export class QueuedTransactions {
  constructor(private readonly d: TransactionDeps) {}

  async checkout(req: CheckoutRequest): Promise<CheckoutResult> {
    const { store, central } = this.d;
    if (!this.direct(req.itemId)) return this.checkoutOffline(req);
    const row = store.record({
      kind: 'checkout',
      card: req.cardNumber,
      item: req.itemId,
      branch: this.d.branchId,
      at: this.d.now(),
      attempts: 1,
    });
    try {
      const r = await this.d.send(() => central.checkout(req));
      store.finish(row, 'done', r.ok ? 'ok' : 'refused', { reason: r.refusal, dueDate: r.dueDate });
      return r;
    } catch (e) {
      if (isTransient(e)) return this.checkoutOffline(req, row);
      store.markUnknown(row);
      throw e;
    }
  }

  async checkin(req: CheckinRequest): Promise<CheckinResult> {
    const { store, central } = this.d;
    if (!this.direct(req.itemId)) return this.checkinOffline(req);
    const row = store.record({ kind: 'checkin', item: req.itemId, branch: req.location, at: this.d.now(), attempts: 1 });
    try {
      const r = await this.d.send(() => central.checkin(req));
      store.finish(row, 'done', r.ok ? 'ok' : 'refused', { reason: r.refusal });
      return r;
    } catch (e) {
      if (isTransient(e)) return this.checkinOffline(req, row);
      store.markUnknown(row);
      throw e;
    }
  }

  /**
   * Sent at once only when online and nothing for this item waits for
   * replay: a transaction must not overtake a queued one for the same item
   * (lent offline, returned a moment later), whatever the link's mode says
   * just now (it may have gone online while the loan was decided offline).
   */
  private direct(itemId: string): boolean {
    return this.d.mode() === 'online' && !this.d.store.waiting(itemId);
  }

  /** Renewals are the central system's decision: never offline. */
  async renew(cardNumber: string, itemId: string, pin?: string): Promise<RenewResult> {
    const { store, central } = this.d;
    if (this.d.mode() !== 'online') throw new OpenBranchError('central.offline', 'the central system cannot be reached (offline mode)');
    const row = store.record({ kind: 'renew', card: cardNumber, item: itemId, branch: this.d.branchId, at: this.d.now(), attempts: 1 });
    try {
      const r = await this.d.send(() => central.renew(cardNumber, itemId, pin));
      store.finish(row, 'done', r.ok ? 'ok' : 'refused', { dueDate: r.dueDate });
      return r;
    } catch (e) {
      store.markUnknown(row);
      throw e;
    }
  }

  /** `recorded`: the online attempt's row, which may have reached the server (replay checks before resending). */
  private async checkoutOffline(req: CheckoutRequest, recorded?: QueueRow): Promise<CheckoutResult> {
    const { store, policy } = this.d;
    const pin = req.pin === undefined || req.pin === '' ? 'none' : await this.d.pins.check(req.cardNumber, req.pin);
    const decision = offlineCheckoutDecision(policy, { card: req.cardNumber, pin, offlineLoans: store.offlineLoans(req.cardNumber) });
    if (!decision.ok) {
      if (recorded) store.markUnknown(recorded);
      this.d.logger.info({ reason: decision.reason }, 'offline checkout refused');
      return offlineLoanRefused(req.itemId, decision.reason);
    }
    const at = this.d.now();
    const due = offlineDueDate(policy, at, this.d.timeZone);
    if (recorded) store.acceptOffline(recorded, due);
    const id =
      recorded?.id ??
      store.record({
        kind: 'checkout',
        card: req.cardNumber,
        item: req.itemId,
        branch: this.d.branchId,
        at,
        attempts: 0,
        offline: true,
        dueDate: due,
      }).id;
    this.d.logger.info({ id }, 'checkout accepted offline');
    return offlineLoan(req.itemId, due);
  }

  private checkinOffline(req: CheckinRequest, recorded?: QueueRow): CheckinResult {
    const { store } = this.d;
    if (!this.d.policy.acceptReturns) {
      if (recorded) store.markUnknown(recorded);
      return offlineReturnRefused(req.itemId);
    }
    if (recorded) store.acceptOffline(recorded);
    const id =
      recorded?.id ??
      store.record({ kind: 'checkin', item: req.itemId, branch: req.location, at: this.d.now(), attempts: 0, offline: true }).id;
    this.d.logger.info({ id }, 'return accepted offline');
    return offlineReturn(req.itemId);
  }
}
