import type { Unsubscribe } from '../events.ts';
import type { RelayRole } from './kinds.ts';
import type { Device } from './status.ts';

export type LockState = 'locked' | 'unlocked';

/**
 * The door's lock relay. Fail secure: "released" means relay off, door locked.
 * Drivers release on open() before anything else, and on close()/error.
 */
export interface DoorLock extends Device {
  readonly kind: 'door-lock';
  /**
   * Unlock for `ms` milliseconds, then lock. Resolves when the relay is back off.
   * `unlocked` runs once the relay has really switched on: a board that refuses
   * the command never makes the door say "open".
   */
  pulse(ms: number, unlocked?: () => void): Promise<void>;
  /** Keep unlocked until release() (staffed hours, evacuation). */
  hold(): Promise<void>;
  /** Lock (relay off). */
  release(): Promise<void>;
  /** Read back from the hardware where it can; otherwise the last commanded state. */
  readState(): Promise<LockState>;
}

export type ContactState = 'open' | 'closed' | 'unknown';

export interface DoorSensor extends Device {
  readonly kind: 'door-sensor';
  current(): ContactState;
  onChange(listener: (state: ContactState) => void): Unsubscribe;
  /** The exit button beside the door was pressed (a sensor whose board has one wired). */
  onExitRequest?(listener: () => void): Unsubscribe;
  /** True when an exit button is wired to this sensor's board (the technician's test then waits for a press). */
  hasExitButton?(): boolean;
}

/** A plain relay output: siren, alarm panel, lights. */
export interface RelayOutput extends Device {
  readonly kind: 'relay-output';
  /** What it drives, from config ("siren", "alarm", "lights"); the device manager hands outputs out by role. */
  readonly role: RelayRole;
  set(on: boolean): Promise<void>;
}
