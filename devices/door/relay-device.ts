import type { Unsubscribe } from '../../shared/events.ts';
import { TrackedDevice } from '../tracked-device.ts';
import type { RelayBoard } from './relay-board.ts';

/**
 * The lifecycle of a device on one relay of a board (the lock, a siren, the
 * lights): open the board and switch the relay off before reporting
 * `connected`, `missing` when the board goes, off again on close.
 */
export abstract class RelayDevice extends TrackedDevice {
  private unsubscribeLost: Unsubscribe | undefined;

  constructor(
    readonly id: string,
    protected readonly board: RelayBoard,
    protected readonly relay: number,
  ) {
    super();
  }

  get driver(): string {
    return this.board.driver;
  }

  async open(): Promise<void> {
    this.unsubscribeLost?.();
    await this.connecting(async () => {
      try {
        await this.board.open();
        await this.off();
      } catch (e) {
        await this.board.close().catch(() => {});
        throw e;
      }
    });
    this.unsubscribeLost = this.board.onLost((reason) => {
      this.boardLost(reason);
      this.lose(`unplugged: ${reason}`);
    });
    this.connected();
  }

  /** Switches this device's relay off (the lock: locked). */
  protected abstract off(): Promise<void>;

  /** The board went away: settle what waits on it. */
  protected boardLost(_reason: string): void {}

  async close(): Promise<void> {
    this.unsubscribeLost?.();
    this.unsubscribeLost = undefined;
    if (this.status().state === 'connected') await this.off().catch((e: unknown) => this.offFailedOnClose(e));
    this.closing();
    await this.board.close();
    this.closed();
  }

  protected offFailedOnClose(_e: unknown): void {}

  /** Just before the board is closed (a pending pulse ends). */
  protected closing(): void {}
}
