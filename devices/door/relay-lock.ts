import type { DoorLock, LockState } from '../../shared/devices/door.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import type { RelayBoard } from './relay-board.ts';
import { RelayDevice } from './relay-device.ts';

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
export class RelayLock extends RelayDevice implements DoorLock {
  readonly kind = 'door-lock';
  private commanded: LockState = 'locked';
  private pending: PendingPulse | undefined;
  /** Board commands run one at a time, in order (on, then off). */
  private chain: Promise<unknown> = Promise.resolve();
  private readonly log: Logger;

  constructor(
    id: string,
    board: RelayBoard,
    relay: number,
    logger: Logger,
    private readonly maxPulseMs = 30_000,
  ) {
    super(id, board, relay);
    this.log = logger.child({ device: id, driver: board.driver });
  }

  /** Fail secure: the relay goes off before the lock reports `connected`. */
  protected override async off(): Promise<void> {
    await this.command(false);
    if (this.status().state !== 'connected') this.log.info({ relay: this.relay }, 'lock released at start (fail secure)');
  }

  protected override boardLost(reason: string): void {
    this.settle(new OpenBranchError('device.missing', `relay board lost: ${reason}`));
    this.commanded = 'locked';
  }

  protected override offFailedOnClose(e: unknown): void {
    this.log.error({ err: String(e) }, 'release on close failed');
  }

  protected override closing(): void {
    this.settle();
  }

  async pulse(ms: number, unlocked?: () => void): Promise<void> {
    if (!Number.isFinite(ms) || ms <= 0 || ms > this.maxPulseMs) {
      throw new OpenBranchError('door.pulse-range', `pulse must be 1..${this.maxPulseMs} ms`, { ms });
    }
    this.ensureConnected();
    this.settle();
    await this.switchOn();
    unlocked?.();
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
      const err = this.failed(e, 'door.release', 'release failed: ');
      this.settle(err);
      throw err;
    }
  }

  async readState(): Promise<LockState> {
    if (!this.board.read) return this.commanded;
    return (await this.board.read(this.relay)) ? 'unlocked' : 'locked';
  }

  private async switchOn(): Promise<void> {
    try {
      await this.command(true);
    } catch (e) {
      // Fail secure: whatever went wrong, try to leave the relay off.
      await this.command(false).catch(() => {});
      throw this.failed(e, 'door.unlock');
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
    if (this.status().state !== 'connected') throw this.notConnected();
  }
}
