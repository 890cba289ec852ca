import type { Unsubscribe } from '../../shared/events.ts';

/**
 * One relay board (LCUS serial, dcttech HID, simulated) as the lock and the
 * outputs see it. Channels count from 1. `read` exists only where the
 * hardware reports its state back.
 */
export interface RelayBoard {
  readonly driver: string;
  /** Rejects with device.missing when the board is not there. */
  open(): Promise<void>;
  set(relay: number, on: boolean): Promise<void>;
  read?(relay: number): Promise<boolean>;
  /** The board went away (unplugged, port closed) after a successful open. */
  onLost(listener: (reason: string) => void): Unsubscribe;
  close(): Promise<void>;
}
