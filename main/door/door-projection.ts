import type { Schedule } from '../../shared/config/door.ts';
import type { DoorView } from '../../shared/contract/door-view.ts';
import type { LockState } from '../../shared/devices/door.ts';
import type { DoorEntryContext } from '../machines/door-entry.ts';
import { type BranchMode, modeAt } from './schedule.ts';

export interface DoorViewParts {
  readonly mode: { schedule: Schedule; timeZone: string; now: Date; next: { at: Date; mode: BranchMode } | undefined };
  readonly lock: LockState;
  readonly lockAvailable: boolean;
  readonly offline: boolean;
  readonly lockdown: boolean;
  /** Occupancy and the tailgating warning (people counter). */
  readonly flow: Partial<DoorView>;
  readonly closing: Partial<DoorView>;
  readonly speak: boolean;
  /** The next (or current) staffed hours, for a refusal's "staff are here Monday 10:00-19:00". */
  readonly nextStaffed?: { from: string; to: string };
  /** When the PIN attempt times out (ISO, real time): shown only while the PIN is asked for. */
  readonly pinDeadline?: string;
}

const STEP_OF: Readonly<Record<string, DoorView['step']>> = {
  pin: 'pin',
  checking: 'checking',
  granted: 'granted',
  passing: 'granted',
  denied: 'denied',
  unlockFailed: 'denied',
  idle: 'idle',
};

/**
 * What the door screen shows, from the machine's snapshot: the step (an
 * alarm first; "out of order" while the lock relay is unavailable and no
 * patron is being answered), why a card was refused and until when, and
 * the branch's mode. Never the PIN, only its length.
 */
export function projectDoorView(snap: { value: unknown; context: DoorEntryContext }, parts: DoorViewParts): DoorView {
  const c = snap.context;
  const entry = (snap.value as { entry: string }).entry;
  const answering = entry !== 'idle' && c.reason !== 'out-of-order';
  const base = STEP_OF[entry] ?? 'idle';
  const step: DoorView['step'] = c.alarm
    ? 'alarm'
    : c.outOfOrder && (base === 'idle' || (base === 'denied' && !answering))
      ? 'out-of-order'
      : base;
  const { schedule, timeZone, now, next } = parts.mode;
  return {
    step,
    mode: modeAt(schedule, timeZone, now),
    ...(c.reason && step === 'denied' ? { reason: c.reason } : {}),
    ...(c.retryAt && step === 'denied' ? { retryAt: c.retryAt } : {}),
    pinLength: c.pin.length,
    ...(c.alarm ? { alarm: c.alarm } : {}),
    contact: c.contact,
    lock: parts.lock,
    lockAvailable: parts.lockAvailable,
    ...(next ? { nextChange: { at: next.at.toISOString(), mode: next.mode } } : {}),
    ...(parts.nextStaffed ? { nextStaffed: parts.nextStaffed } : {}),
    ...(step === 'pin' && parts.pinDeadline ? { pinDeadline: parts.pinDeadline } : {}),
    offline: parts.offline,
    lockdown: parts.lockdown,
    ...parts.flow,
    ...parts.closing,
    speak: parts.speak,
  };
}
