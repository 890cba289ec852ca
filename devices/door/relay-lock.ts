import type { DoorLock, LockState } from '../../shared/devices/door.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { OpenBranchError, toOpenBranchError } from '../../shared/errors.ts';
import type { Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { RelayBoard } from './relay-board.ts';

interface PendingPulse {
  readonly timer: ReturnType<typeof setTimeout>;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/**
 * The door lock on one relay channel, fail secure: the relay is switched off
 * (door locked) first thing in open(), again on close(), after every pulse,
 * and on any error. A crash mid-pulse leaves the relay on, so the next
 * start's open() releases it before the lock reports `connected`.
 */
export class RelayLock implements DoorLock {
  readonly kind = 'door-lock';
  private readonly tracker = new StatusTracker();
  private commanded: LockState = 'locked';
  private pending: PendingPulse | undefined;
  /** Board commands run one at a time, in order (on, then off). */
  private chain: Promise<unknown> = Promise.resolve();
  private unsubscribeLost: Unsubscribe | undefined;
  private readonly log: Logger;

  constructor(
    readonly id: string,
    private readonly board: RelayBoard,
    private readonly relay: number,
    logger: Logger,
    private readonly maxPulseMs = 30_000,
  ) {
    this.log = logger.child({ device: id, driver: board.driver });
  }

  get driver(): string {
    return this.board.driver;
  }

  async open(): Promise<void> {
    this.unsubscribeLost?.();
    this.tracker.set('connecting');
    try {
      await this.board.open();
      await this.command(false);
    } catch (e) {
      const err = toOpenBranchError(e, 'device.missing');
      await this.board.close().catch(() => {});
      this.tracker.set(err.code === 'device.missing' ? 'missing' : 'error', err.message);
      throw err;
    }
    this.log.info({ relay: this.relay }, 'lock released at start (fail secure)');
    this.unsubscribeLost = this.board.onLost((reason) => {
      this.settle(new OpenBranchError('device.missing', `relay board lost: ${reason}`));
      this.commanded = 'locked';
      this.tracker.set('missing', `unplugged: ${reason}`);
    });
    this.tracker.set('connected');
  }

  async pulse(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms <= 0 || ms > this.maxPulseMs) {
      throw new OpenBranchError('door.pulse-range', `pulse must be 1..${this.maxPulseMs} ms`, { ms });
    }
    this.ensureConnected();
    this.settle();
    await this.switchOn();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.release().catch(() => {});
      }, ms);
      this.pending = { timer, resolve, reject };
    });
  }

  async hold(): Promise<void> {
    this.ensureConnected();
    this.settle();
    await this.switchOn();
  }

  async release(): Promise<void> {
    try {
      await this.command(false);
      this.settle();
    } catch (e) {
      const err = toOpenBranchError(e, 'door.release');
      this.settle(err);
      this.tracker.set(err.code === 'device.missing' ? 'missing' : 'error', `release failed: ${err.message}`);
      throw err;
    }
  }

  async readState(): Promise<LockState> {
    if (!this.board.read) return this.commanded;
    return (await this.board.read(this.relay)) ? 'unlocked' : 'locked';
  }

  async close(): Promise<void> {
    this.unsubscribeLost?.();
    this.unsubscribeLost = undefined;
    if (this.tracker.get().state === 'connected') {
      await this.command(false).catch((e) => this.log.error({ err: String(e) }, 'release on close failed'));
    }
    this.settle();
    await this.board.close();
    this.tracker.set('closed');
  }

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.tracker.on(listener);
  }

  private async switchOn(): Promise<void> {
    try {
      await this.command(true);
    } catch (e) {
      // Fail secure: whatever went wrong, try to leave the relay off.
      await this.command(false).catch(() => {});
      const err = toOpenBranchError(e, 'door.unlock');
      this.tracker.set(err.code === 'device.missing' ? 'missing' : 'error', err.message);
      throw err;
    }
  }

  private command(on: boolean): Promise<void> {
    const run = this.chain.then(async () => {
      await this.board.set(this.relay, on);
      this.commanded = on ? 'unlocked' : 'locked';
    });
    this.chain = run.catch(() => {});
    return run;
  }

  /** Ends a pending pulse: resolved when the relay is back off, rejected on failure. */
  private settle(error?: unknown): void {
    const p = this.pending;
    this.pending = undefined;
    if (!p) return;
    clearTimeout(p.timer);
    if (error === undefined) p.resolve();
    else p.reject(error);
  }

  private ensureConnected(): void {
    const s = this.tracker.get();
    if (s.state !== 'connected') throw new OpenBranchError('device.missing', `door lock ${this.id} is ${s.state}`, { device: this.id });
  }
}
