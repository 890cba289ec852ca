import type { DeviceKind, DeviceStatus } from '../../shared/devices/status.ts';
import type { ErrorCode } from '../../shared/errors.ts';

/** The door's live state as the alert rules read it. */
export interface DoorLiveState {
  readonly open: boolean;
  /** The alarm sounding now ("held-open", "forced"), if any. */
  readonly alarm: string | undefined;
  /** Staff locked the door down (no entries until cleared). */
  readonly lockdown: boolean;
}

/** Where the branch's lock-up stands: open, waiting at closing for the last person to leave, armed. */
export type LockupState = 'open' | 'waiting' | 'armed';

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
  /** Conflicts from the replay that staff have not marked handled yet. */
  queueConflicts(open: number): void;
  doorGranted(): void;
  /** Someone inside pressed the exit button. */
  doorExit(): void;
  /** `reason` is a code such as "pin.wrong", "schedule.closed", "patron.blocked". */
  doorDenied(reason: string): void;
  /** `kind` is "forced", "held-open", "evacuation", "occupied-at-lockup". */
  doorAlarm(kind: string): void;
  doorState(state: DoorLiveState): void;
  /** More people came in than were let in: `followers` is how many more. */
  doorTailgate(followers: number): void;
  /** A person passed the people counter; `occupancy` is the count inside after it. */
  personPassed(direction: 'in' | 'out', occupancy: number): void;
  /** Occupancy set without a passage (reset when the branch opens staffed). */
  occupancy(count: number): void;
  lockup(state: LockupState): void;
  /** On-call staff acted through the staff API ("unlock", "lockdown", "clear"). */
  staffAction(action: string): void;
  /** The paper state a printer last reported ("ok", "near-end", "out", "unknown"). */
  printerPaper(device: string, state: string): void;
  error(code: ErrorCode): void;
}

export const noopMetrics: KioskMetrics = {
  deviceStatus: () => {},
  centralConnection: () => {},
  centralRoundTrip: () => {},
  queue: () => {},
  queueConflicts: () => {},
  doorGranted: () => {},
  doorExit: () => {},
  doorDenied: () => {},
  doorAlarm: () => {},
  doorState: () => {},
  doorTailgate: () => {},
  personPassed: () => {},
  occupancy: () => {},
  lockup: () => {},
  staffAction: () => {},
  printerPaper: () => {},
  error: () => {},
};
