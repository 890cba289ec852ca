import { Emitter, type Unsubscribe } from '../events.ts';
import type { DeviceState, DeviceStatus } from './status.ts';

/**
 * The status half of a `Device`, shared by every driver: holds the current
 * status and tells listeners only about real changes (same state and reason
 * twice is one event), so the manager and the logs are not flooded by polls.
 */
export class StatusTracker {
  private current: DeviceStatus;
  private readonly events = new Emitter<{ status: DeviceStatus }>();

  constructor(
    initial: DeviceState = 'closed',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.current = { state: initial, since: this.now().toISOString() };
  }

  get(): DeviceStatus {
    return this.current;
  }

  set(state: DeviceState, reason?: string): void {
    if (this.current.state === state && this.current.reason === reason) return;
    const since = this.now().toISOString();
    this.current = reason === undefined ? { state, since } : { state, reason, since };
    this.events.emit('status', this.current);
  }

  on(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.events.on('status', listener);
  }
}
