import type { OfflinePolicy } from '../../shared/config/offline.ts';
import type {
  CentralHealth,
  CentralSystem,
  CheckinRequest,
  CheckinResult,
  CheckoutRequest,
  CheckoutResult,
  ItemInfo,
  PatronInfo,
  RenewResult,
} from '../../shared/domain/central.ts';
import { isTransient, OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Db } from '../storage/database.ts';
import { type QueueClock, systemClock } from './clock.ts';
import { LinkLoop } from './link-loop.ts';
import { offlineLoan, offlineLoanRefused, offlinePatron, offlineReturn, offlineReturnRefused } from './offline-answers.ts';
import { type LinkMode, OnlineSwitch } from './online-switch.ts';
import { PinCache } from './pin-cache.ts';
import { offlineCheckoutDecision, offlineDueDate } from './policy.ts';
import type { ReplaySummary } from './replay.ts';
import { QueueStore } from './store.ts';

export interface QueuedCentralOptions {
  readonly central: CentralSystem;
  readonly db: Db;
  readonly policy: OfflinePolicy;
  readonly branchId: string;
  readonly clock?: QueueClock;
  readonly logger: Logger;
}

export interface QueuedCentral extends CentralSystem {
  readonly store: QueueStore;
  mode(): LinkMode;
  onMode(listener: (mode: LinkMode) => void): Unsubscribe;
  replayNow(): Promise<ReplaySummary>;
  close(): void;
}

const offlineError = () => new OpenBranchError('central.offline', 'the central system cannot be reached (offline mode)');

/**
 * The central system with the write-ahead queue in front: every checkout,
 * checkin and renew is on disk as `pending` before it is sent, and its
 * outcome is on disk before the caller (the kiosk screen) hears it. While
 * the link is down, checkouts and returns are accepted within the offline
 * policy and replayed later in order.
 */
export function createQueuedCentral(o: QueuedCentralOptions): QueuedCentral {
  const clock = o.clock ?? systemClock;
  const logger = o.logger.child({ subsystem: 'queue' });
  const store = new QueueStore(o.db, () => clock.now());
  const recovered = store.recover();
  if (recovered.unknown + recovered.cancelled > 0) logger.warn({ ...recovered }, 'transactions interrupted by a restart');
  const pins = new PinCache(o.db, o.policy.pinCacheDays, () => clock.now());
  pins.prune();
  const initial: LinkMode = o.central.health() === 'offline' || store.backlog() > 0 ? 'offline' : 'online';
  const link = new OnlineSwitch({
    failuresToOffline: o.policy.failuresToOffline,
    onlineAfterMs: o.policy.onlineAfterSeconds * 1000,
    now: () => clock.now(),
    initial,
  });
  const loop = new LinkLoop(store, o.central, link, o.policy, clock, logger);
  const healthEvents = new Emitter<{ health: CentralHealth }>();
  const health = (): CentralHealth => (link.mode !== 'online' ? 'offline' : o.central.health() === 'degraded' ? 'degraded' : 'online');
  let last = health();
  const publish = () => {
    const h = health();
    if (h === last) return;
    last = h;
    healthEvents.emit('health', h);
  };
  link.onChange((mode) => {
    logger.info({ mode }, 'link mode');
    publish();
  });
  const unsubscribeInner = o.central.onHealth((h) => {
    if (h === 'offline') link.linkDown();
    else loop.nudge();
    publish();
  });
  loop.start();

  /** Sends one recorded transaction; a transport failure counts against the link. */
  async function send<T>(call: () => Promise<T>): Promise<T> {
    try {
      const r = await call();
      link.success();
      return r;
    } catch (e) {
      if (isTransient(e)) link.failure();
      throw e;
    }
  }

  async function checkoutOffline(req: CheckoutRequest, recordedId?: string): Promise<CheckoutResult> {
    const pin = req.pin === undefined || req.pin === '' ? 'none' : await pins.check(req.cardNumber, req.pin);
    const decision = offlineCheckoutDecision(o.policy, { card: req.cardNumber, pin, offlineLoans: store.offlineLoans(req.cardNumber) });
    if (!decision.ok) {
      if (recordedId) store.markUnknown(recordedId);
      logger.info({ reason: decision.reason }, 'offline checkout refused');
      return offlineLoanRefused(req.itemId, decision.reason);
    }
    const at = clock.now();
    const due = offlineDueDate(o.policy, at);
    const row =
      recordedId ??
      store.record({
        kind: 'checkout',
        card: req.cardNumber,
        item: req.itemId,
        branch: o.branchId,
        at,
        attempts: 0,
        offline: true,
        dueDate: due,
      }).id;
    if (recordedId) store.acceptOffline(recordedId, due);
    logger.info({ id: row }, 'checkout accepted offline');
    return offlineLoan(req.itemId, due);
  }

  function checkinOffline(req: CheckinRequest, recordedId?: string): CheckinResult {
    if (!o.policy.acceptReturns) {
      if (recordedId) store.markUnknown(recordedId);
      return offlineReturnRefused(req.itemId);
    }
    const row =
      recordedId ??
      store.record({ kind: 'checkin', item: req.itemId, branch: req.location, at: clock.now(), attempts: 0, offline: true }).id;
    if (recordedId) store.acceptOffline(recordedId);
    logger.info({ id: row }, 'return accepted offline');
    return offlineReturn(req.itemId);
  }

  return {
    store,
    mode: () => link.mode,
    onMode: (listener) => link.onChange(listener),
    replayNow: () => loop.replayNow(),
    close() {
      loop.stop();
      unsubscribeInner();
    },
    health,
    onHealth: (listener) => healthEvents.on('health', listener),

    async patronInformation(cardNumber: string, pin?: string): Promise<PatronInfo> {
      const given = pin === undefined || pin === '' ? undefined : pin;
      if (link.mode === 'online') {
        try {
          const info = await send(() => o.central.patronInformation(cardNumber, pin));
          if (given && info.valid && info.pinValid)
            pins.remember(cardNumber, given).catch((e: Error) => logger.warn({ err: e.message }, 'PIN cache write failed'));
          return info;
        } catch (e) {
          if (!isTransient(e)) throw e;
        }
      }
      return offlinePatron(o.policy, cardNumber, given ? await pins.check(cardNumber, given) : 'none');
    },

    async checkout(req: CheckoutRequest): Promise<CheckoutResult> {
      if (link.mode !== 'online') return checkoutOffline(req);
      const row = store.record({
        kind: 'checkout',
        card: req.cardNumber,
        item: req.itemId,
        branch: o.branchId,
        at: clock.now(),
        attempts: 1,
      });
      try {
        const r = await send(() => o.central.checkout(req));
        store.finish(row.id, 'done', r.ok ? 'ok' : 'refused', { reason: r.refusal, dueDate: r.dueDate });
        return r;
      } catch (e) {
        if (isTransient(e)) return checkoutOffline(req, row.id);
        store.markUnknown(row.id);
        throw e;
      }
    },

    async checkin(req: CheckinRequest): Promise<CheckinResult> {
      if (link.mode !== 'online') return checkinOffline(req);
      const row = store.record({ kind: 'checkin', item: req.itemId, branch: req.location, at: clock.now(), attempts: 1 });
      try {
        const r = await send(() => o.central.checkin(req));
        store.finish(row.id, 'done', r.ok ? 'ok' : 'refused', { reason: r.refusal });
        return r;
      } catch (e) {
        if (isTransient(e)) return checkinOffline(req, row.id);
        store.markUnknown(row.id);
        throw e;
      }
    },

    async renew(cardNumber: string, itemId: string, pin?: string): Promise<RenewResult> {
      if (link.mode !== 'online') throw offlineError();
      const row = store.record({ kind: 'renew', card: cardNumber, item: itemId, branch: o.branchId, at: clock.now(), attempts: 1 });
      try {
        const r = await send(() => o.central.renew(cardNumber, itemId, pin));
        store.finish(row.id, 'done', r.ok ? 'ok' : 'refused', { dueDate: r.dueDate });
        return r;
      } catch (e) {
        store.markUnknown(row.id);
        throw e;
      }
    },

    async itemInformation(itemId: string): Promise<ItemInfo> {
      if (link.mode !== 'online') throw offlineError();
      return send(() => o.central.itemInformation(itemId));
    },

    async endSession(cardNumber: string): Promise<void> {
      if (link.mode !== 'online') return;
      await send(() => o.central.endSession(cardNumber)).catch((e: unknown) => {
        if (!isTransient(e)) throw e;
      });
    },
  };
}
