import type { OfflinePolicy } from '../../shared/config/offline.ts';
import type {
  CentralHealth,
  CentralSystem,
  HoldRequest,
  HoldResult,
  ItemInfo,
  PatronInfo,
  PatronQuery,
} from '../../shared/domain/central.ts';
import { isTransient, OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { type CardKey, ephemeralCardKey } from '../storage/card-key.ts';
import type { Db } from '../storage/database.ts';
import { type QueueClock, systemClock } from './clock.ts';
import { LinkLoop } from './link-loop.ts';
import { offlinePatron } from './offline-answers.ts';
import { type LinkMode, OnlineSwitch } from './online-switch.ts';
import { PinCache } from './pin-cache.ts';
import type { ReplaySummary } from './replay.ts';
import { pruneDone } from './report.ts';
import { QueueStore } from './store.ts';
import { QueuedTransactions } from './transactions.ts';

export interface QueuedCentralOptions {
  readonly central: CentralSystem;
  readonly db: Db;
  readonly policy: OfflinePolicy;
  readonly branchId: string;
  /** The branch's time zone (offline due dates are local dates). */
  readonly timeZone?: string;
  /** The install's keyed card hash: the PIN cache is kept under it, never under the card number. Default: this process only. */
  readonly cardKey?: CardKey;
  readonly clock?: QueueClock;
  readonly logger: Logger;
  /** After every change to what waits (for the metrics' queue gauges). */
  readonly onBacklog?: (pending: number, oldestPendingAt: Date | undefined) => void;
}

export interface QueuedCentral extends CentralSystem {
  readonly store: QueueStore;
  mode(): LinkMode;
  onMode(listener: (mode: LinkMode) => void): Unsubscribe;
  replayNow(): Promise<ReplaySummary>;
  close(): void;
}

/**
 * The central system with the write-ahead queue in front: every checkout,
 * checkin and renew is on disk as `pending` before it is sent, and its
 * outcome is on disk before the caller (the kiosk screen) hears it. While
 * the link is down, checkouts and returns are accepted within the offline
 * policy and replayed later in order. Health is 'offline' until the
 * replay has caught up, so screens show offline mode plainly.
 */
export function createQueuedCentral(o: QueuedCentralOptions): QueuedCentral {
  const clock = o.clock ?? systemClock;
  const now = () => clock.now();
  const logger = o.logger.child({ subsystem: 'queue' });
  const store = new QueueStore(o.db, now);
  const recovered = store.recover();
  if (recovered.unknown + recovered.cancelled > 0) logger.warn({ ...recovered }, 'transactions interrupted by a restart');
  const pruned = pruneDone(o.db, o.policy.retentionDays, now());
  if (pruned > 0) logger.info({ pruned }, 'old finished transactions pruned');
  const pins = new PinCache(o.db, o.policy.pinCacheDays, o.cardKey ?? ephemeralCardKey(), now);
  pins.prune();

  const link = new OnlineSwitch({
    failuresToOffline: o.policy.failuresToOffline,
    onlineAfterMs: o.policy.onlineAfterSeconds * 1000,
    now,
    initial: o.central.health() === 'offline' || store.backlog() > 0 ? 'offline' : 'online',
  });
  const loop = new LinkLoop(store, o.central, link, o.policy, clock, logger);
  const notify = () => {
    if (!o.onBacklog) return;
    const oldest = store.oldestWaiting();
    o.onBacklog(store.backlog(), oldest === undefined ? undefined : new Date(oldest));
  };

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
  async function after<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } finally {
      notify();
    }
  }
  const tx = new QueuedTransactions({
    central: o.central,
    store,
    pins,
    policy: o.policy,
    branchId: o.branchId,
    ...(o.timeZone ? { timeZone: o.timeZone } : {}),
    now,
    logger,
    mode: () => link.mode,
    send,
  });
  loop.onRound(notify);
  loop.start();
  notify();

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
    checkout: (req) => after(tx.checkout(req)),
    checkin: (req) => after(tx.checkin(req)),
    renew: (card, itemId, pin) => after(tx.renew(card, itemId, pin)),

    /** Online: passed through, and a PIN the server accepted is cached (hashed) for offline days. */
    async patronInformation(cardNumber: string, pin?: string, options?: PatronQuery): Promise<PatronInfo> {
      const given = pin === undefined || pin === '' ? undefined : pin;
      if (link.mode === 'online') {
        try {
          const info = await send(() => o.central.patronInformation(cardNumber, pin, options));
          if (given && info.valid && info.pinValid)
            pins.remember(cardNumber, given).catch((e: Error) => logger.warn({ err: e.message }, 'PIN cache write failed'));
          return info;
        } catch (e) {
          if (!isTransient(e)) throw e;
        }
      }
      return offlinePatron(o.policy, cardNumber, given ? await pins.check(cardNumber, given) : 'none');
    },

    async itemInformation(itemId: string): Promise<ItemInfo> {
      if (link.mode !== 'online') throw new OpenBranchError('central.offline', 'the central system cannot be reached (offline mode)');
      return send(() => o.central.itemInformation(itemId));
    },

    /** Reservations are never queued: offline, the patron is told so there and then. */
    async hold(request: HoldRequest): Promise<HoldResult> {
      if (link.mode !== 'online') throw new OpenBranchError('central.offline', 'the central system cannot be reached (offline mode)');
      const inner = o.central.hold?.bind(o.central);
      if (!inner) throw new OpenBranchError('central.unsupported', 'this central system takes no reservations');
      return send(() => inner(request));
    },

    async endSession(cardNumber: string): Promise<void> {
      if (link.mode !== 'online') return;
      await send(() => o.central.endSession(cardNumber)).catch((e: unknown) => {
        if (!isTransient(e)) throw e;
      });
    },
  };
}
