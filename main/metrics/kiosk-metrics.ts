import type { DeviceKind, DeviceStatus } from '../../shared/devices/status.ts';
import type { ErrorCode } from '../../shared/errors.ts';

/**
 * What the rest of the kiosk tells the fleet view. The composition root
 * creates one (createKioskMetrics) and hands it to the device manager, the
 * central-system client, the queue and the door machine. Labels are codes,
 * never patron data: anything that is not a short code is counted as "other".
 */
export interface KioskMetrics {
  deviceStatus(device: { readonly id: string; readonly kind: DeviceKind }, status: DeviceStatus): void;
  centralConnection(connected: boolean): void;
  /** One SIP2 request/response round trip; `command` is the SIP2 message name, e.g. "checkout". */
  centralRoundTrip(command: string, seconds: number): void;
  /** After every queue change: pending transactions and when the oldest was queued. */
  queue(pending: number, oldestPendingAt: Date | undefined): void;
  doorGranted(): void;
  /** `reason` is a code such as "pin.wrong", "schedule.closed", "patron.blocked". */
  doorDenied(reason: string): void;
  /** `kind` is "forced" or "held-open". */
  doorAlarm(kind: string): void;
  error(code: ErrorCode): void;
}

export const noopMetrics: KioskMetrics = {
  deviceStatus: () => {},
  centralConnection: () => {},
  centralRoundTrip: () => {},
  queue: () => {},
  doorGranted: () => {},
  doorDenied: () => {},
  doorAlarm: () => {},
  error: () => {},
};
