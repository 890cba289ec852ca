import type { OfflinePolicy } from '../../shared/config/offline.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { isTransient } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { type QueueClock, sleepOn } from './clock.ts';
import type { OnlineSwitch } from './online-switch.ts';
import { type ReplaySummary, replay } from './replay.ts';
import { leaseOwner, type QueueStore, replayLease } from './store.ts';

/** An item id no library uses: any answer to it proves the link carries requests. */
export const PROBE_ITEM = 'OPENBRANCH-PROBE';
const LEASE_MS = 60_000;

/**
 * Keeps the switch honest while offline (probing the central system) and
 * replays when the link has been good long enough; backs off, doubling,
 * when a round fails. Only one replayer per database (a lease).
 */
export class LinkLoop {
  private timer: unknown;
  private running: Promise<ReplaySummary> | undefined;
  private backoffMs: number;
  private stopped = false;
  private leaseAt = 0;
  private readonly owner = leaseOwner('kiosk');
  private readonly lease;

  constructor(
    private readonly store: QueueStore,
    private readonly central: CentralSystem,
    private readonly link: OnlineSwitch,
    private readonly policy: OfflinePolicy,
    private readonly clock: QueueClock,
    private readonly logger: Logger,
  ) {
    this.backoffMs = policy.backoffSeconds * 1000;
    this.lease = replayLease(store.db, () => clock.now());
  }

  private roundListener: () => void = () => {};

  /** Called after each replay round (the backlog changed). */
  onRound(listener: () => void): void {
    this.roundListener = listener;
  }

  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.clock.clearTimeout(this.timer);
    this.lease.release(this.owner);
  }

  /** Settles the backlog now (technician or CLI), whatever the switch says. */
  async replayNow(): Promise<ReplaySummary> {
    return this.runReplay();
  }

  /** The client reports its link is back: probe at once rather than at the next tick. */
  nudge(): void {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(ms: number): void {
    this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    let next = this.policy.probeSeconds * 1000;
    if (this.link.mode === 'offline' && this.central.health() !== 'offline') {
      try {
        await this.central.itemInformation(PROBE_ITEM);
        this.link.success();
      } catch (e) {
        if (isTransient(e)) this.link.failure();
        else this.link.success(); // an answer, even an odd one, means the link works
      }
      if (this.link.readyToRecover()) this.link.set('recovering');
      else if (this.link.mode === 'offline') next = Math.min(next, this.policy.onlineAfterSeconds * 1000 || next);
    }
    if (this.link.mode !== 'offline' && this.store.backlog() > 0) {
      const summary = await this.runReplay();
      if (summary.settlesAt !== undefined) next = Math.max(10, summary.settlesAt - this.clock.now());
      else if (summary.stoppedBy !== undefined) next = this.backoff();
    }
    if (this.link.mode === 'recovering' && this.store.backlog() === 0) {
      this.link.set('online');
      this.backoffMs = this.policy.backoffSeconds * 1000;
    }
    if (!this.stopped) this.schedule(next);
  }

  private backoff(): number {
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.policy.maxBackoffSeconds * 1000);
    return wait;
  }

  private runReplay(): Promise<ReplaySummary> {
    this.running ??= this.replayRound().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Renewed a third of the way through, so a long round keeps it without a write per transaction. */
  private renewLease(): boolean {
    if (this.clock.now() - this.leaseAt < LEASE_MS / 3) return true;
    this.leaseAt = this.clock.now();
    return this.lease.acquire(this.owner, LEASE_MS);
  }

  private async replayRound(): Promise<ReplaySummary> {
    this.leaseAt = this.clock.now();
    if (!this.lease.acquire(this.owner, LEASE_MS)) {
      return { sent: 0, done: 0, conflicts: 0, cancelled: 0, remaining: this.store.backlog(), stoppedBy: 'queue.replay-busy' };
    }
    try {
      const summary = await replay(this.store, this.central, this.logger, {
        minIntervalMs: 1000 / this.policy.replayPerSecond,
        settleMs: this.policy.settleSeconds * 1000,
        sleep: sleepOn(this.clock),
        now: () => this.clock.now(),
        keepGoing: () => !this.stopped && this.renewLease(),
      });
      if (summary.stoppedBy && summary.stoppedBy !== 'queue.replay-busy' && summary.stoppedBy !== 'queue.settling') this.link.failure();
      this.logger.info({ ...summary }, 'replay round');
      this.roundListener();
      return summary;
    } finally {
      this.lease.release(this.owner);
    }
  }
}
