import type { RelayOutput } from '../../shared/devices/door.ts';
import type { RelayRole } from '../../shared/devices/kinds.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { OpenBranchError, toOpenBranchError } from '../../shared/errors.ts';
import type { Unsubscribe } from '../../shared/events.ts';
import type { RelayBoard } from './relay-board.ts';

/** A siren, alarm input or light on one relay channel; switched off at open and close. */
export class BoardRelayOutput implements RelayOutput {
  readonly kind = 'relay-output';
  private readonly tracker = new StatusTracker();
  private unsubscribeLost: Unsubscribe | undefined;

  constructor(
    readonly id: string,
    readonly role: RelayRole,
    private readonly board: RelayBoard,
    private readonly relay: number,
  ) {}

  get driver(): string {
    return this.board.driver;
  }

  async open(): Promise<void> {
    this.unsubscribeLost?.();
    this.tracker.set('connecting');
    try {
      await this.board.open();
      await this.board.set(this.relay, false);
    } catch (e) {
      const err = toOpenBranchError(e, 'device.missing');
      this.tracker.set(err.code === 'device.missing' ? 'missing' : 'error', err.message);
      throw err;
    }
    this.unsubscribeLost = this.board.onLost((reason) => this.tracker.set('missing', `unplugged: ${reason}`));
    this.tracker.set('connected');
  }

  async set(on: boolean): Promise<void> {
    if (this.tracker.get().state !== 'connected') throw new OpenBranchError('device.missing', `output ${this.id} is not connected`);
    await this.board.set(this.relay, on);
  }

  async close(): Promise<void> {
    this.unsubscribeLost?.();
    if (this.tracker.get().state === 'connected') await this.board.set(this.relay, false).catch(() => {});
    await this.board.close();
    this.tracker.set('closed');
  }

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.tracker.on(listener);
  }
}
