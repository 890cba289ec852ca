import type { DeviceKind } from '../shared/devices/kinds.ts';
import type { DeviceStatus } from '../shared/devices/status.ts';
import { StatusTracker } from '../shared/devices/status-tracker.ts';
import { OpenBranchError, toOpenBranchError } from '../shared/errors.ts';
import type { Unsubscribe } from '../shared/events.ts';

/**
 * The status half every device shares: `status()`, `onStatus()` and the
 * rules for moving between states. A device that was connected and got
 * lost stays `missing` while the device manager reopens it (no flicker of
 * `connecting` in the logs every retry); one that never connected shows
 * `connecting` on each try.
 */
export abstract class TrackedDevice {
  abstract readonly id: string;
  abstract readonly kind: DeviceKind;
  protected readonly tracker = new StatusTracker();
  private afterLoss = false;

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.tracker.on(listener);
  }

  protected opening(): void {
    if (!this.afterLoss) this.tracker.set('connecting');
  }

  /** Runs the device's connect step as an open: `connecting` first, and a failure turned into the status and the error to throw. */
  protected async connecting<T>(connect: () => Promise<T>): Promise<T> {
    this.opening();
    try {
      return await connect();
    } catch (e) {
      throw this.failed(e);
    }
  }

  protected connected(): void {
    this.afterLoss = false;
    this.tracker.set('connected');
  }

  /** The device went away after it was connected (unplugged, stopped answering). */
  protected lose(reason: string): void {
    this.afterLoss = true;
    this.tracker.set('missing', reason);
  }

  /** An open or a command failed: `missing` when the device is not there, `error` otherwise. Returns the error to throw. */
  protected failed(e: unknown, fallback: OpenBranchError['code'] = 'device.missing', prefix = ''): OpenBranchError {
    const err = toOpenBranchError(e, fallback);
    this.tracker.set(err.code === 'device.missing' ? 'missing' : 'error', `${prefix}${err.message}`);
    return err;
  }

  /** The error for a command to a device that is not connected: device.missing, the manager's cue to reopen it. */
  protected notConnected(): OpenBranchError {
    return new OpenBranchError('device.missing', `${this.kind} ${this.id} is ${this.status().state}`, { device: this.id });
  }

  protected closed(): void {
    this.afterLoss = false;
    this.tracker.set('closed');
  }
}
