import type { DoorConfig } from '../../shared/config/door.ts';
import type { CentralSystem, PatronInfo } from '../../shared/domain/central.ts';
import { isTransient } from '../../shared/errors.ts';
import type { DoorDecision } from '../machines/door-entry.ts';
import { denialReason, isStaff, standingDenial } from './eligibility.ts';
import type { EntryCache } from './entry-cache.ts';
import { localTime, modeAt } from './schedule.ts';

export interface EntryQuestion {
  readonly central: CentralSystem;
  readonly rules: DoorConfig;
  readonly timeZone: string;
  readonly card: string;
  readonly pin: string;
  readonly at: Date;
  /** The offline entry cache, when the branch allows offline entry. */
  readonly cache?: EntryCache | undefined;
}

/**
 * The door's decision for one card and PIN at one instant: the opening
 * schedule plus the eligibility rules over what the central system says,
 * or over what the entry cache remembers when it cannot be reached. The
 * door controller and `openbranch door decide` both call this.
 */
export async function decideEntry(o: EntryQuestion): Promise<DoorDecision> {
  if (o.pin === '') return { grant: false, reason: 'empty-pin' };
  // Known to be down: do not make the patron wait for a timeout.
  if (o.central.health() === 'offline') return fromCache(o);
  let patron: PatronInfo;
  try {
    patron = await o.central.patronInformation(o.card, o.pin, { brief: true });
  } catch (e) {
    return isTransient(e) ? fromCache(o) : { grant: false, reason: 'error' };
  }
  const today = localTime(o.at, o.timeZone).date;
  const reason = denialReason(patron, o.pin, modeAt(o.rules.schedule, o.timeZone, o.at), o.rules, today);
  remember(o, patron, today);
  return reason ? { grant: false, reason } : { grant: true, staff: isStaff(patron, o.rules) };
}

/**
 * Keeps the cache in step with the central system's latest word on this
 * card, whatever the answer: any refusal of the patron (unknown, blocked,
 * lost, permission withdrawn, under age, fines) drops them; a wrong PIN
 * drops them when it is the PIN the cache holds (changed since) and
 * otherwise refreshes their standing; a right PIN (re)caches them. The
 * hour is not part of it (judged at the moment of entry).
 */
function remember(o: EntryQuestion, patron: PatronInfo, today: string): void {
  const cache = o.cache;
  if (!cache) return;
  if (standingDenial(patron, o.rules, today) !== undefined) return cache.forget(o.card);
  const entry = { denial: undefined, staff: isStaff(patron, o.rules) };
  // The cache is best effort: a write it cannot make never changes the answer at the door.
  if (!patron.pinValid) return void cache.wrongPin(o.card, o.pin, entry).catch(() => undefined);
  void cache.remember(o.card, o.pin, entry).catch(() => undefined);
}

async function fromCache(o: EntryQuestion): Promise<DoorDecision> {
  if (!o.cache || !o.rules.offlineEntry.enabled) return { grant: false, reason: 'offline' };
  const hit = await o.cache.lookup(o.card, o.pin);
  if (!hit.found) return { grant: false, reason: 'offline' };
  if (!hit.pinOk) return { grant: false, reason: 'wrong-pin' };
  if (hit.entry.staff) return { grant: true, staff: true };
  if (modeAt(o.rules.schedule, o.timeZone, o.at) !== 'unstaffed') return { grant: false, reason: 'outside-hours' };
  if (hit.entry.denial) return { grant: false, reason: hit.entry.denial };
  return { grant: true, staff: false };
}
