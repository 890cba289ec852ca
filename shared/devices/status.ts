import type { Unsubscribe } from '../events.ts';
import type { DeviceKind } from './kinds.ts';

export type { DeviceKind } from './kinds.ts';

/** What the technician screen and the metrics show for each device. */
export type DeviceState = 'connecting' | 'connected' | 'missing' | 'error' | 'closed';

export interface DeviceStatus {
  readonly state: DeviceState;
  /** Human-readable reason for `missing` / `error` (no patron data). */
  readonly reason?: string;
  /** ISO time of the last change. */
  readonly since: string;
}

/** Every driver implements this; the device manager opens, watches and closes them. */
export interface Device {
  readonly id: string;
  readonly kind: DeviceKind;
  /** Driver name from config, e.g. "feig", "3m", "lcus", "usbrelay", "escpos", "simulated". */
  readonly driver: string;
  open(): Promise<void>;
  close(): Promise<void>;
  status(): DeviceStatus;
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe;
}
