import type { LockupState } from '../metrics/kiosk-metrics.ts';

/** What the staff API may read: the door and the room, never a patron. */
export interface StaffStatus {
  readonly branch: string;
  readonly mode: 'staffed' | 'unstaffed' | 'closed';
  readonly step: string;
  readonly lock: 'locked' | 'unlocked';
  readonly contact: 'open' | 'closed' | 'unknown';
  readonly alarm: string | null;
  readonly lockdown: { readonly since: string; readonly who: string; readonly reason: string } | null;
  readonly offline: boolean;
  /** null: no people counter configured. */
  readonly occupancy: number | null;
  readonly lockup: LockupState;
  readonly nextChange: { readonly at: string; readonly mode: string } | null;
}

/** The door as the staff API drives it (implemented by the door wiring over the door controller). */
export interface StaffDoor {
  status(): StaffStatus;
  unlock(ms: number): void;
  lockdown(value: { since: Date; who: string; reason: string } | undefined): void;
  clearAlarm(): void;
}
