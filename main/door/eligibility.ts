import type { DoorConfig } from '../../shared/config/door.ts';
import type { PatronInfo } from '../../shared/domain/central.ts';
import type { DenialReason } from '../../shared/domain/door.ts';
import type { BranchMode } from './schedule.ts';

export type { DenialReason } from '../../shared/domain/door.ts';

const truthy = (v: string | undefined) => v !== undefined && /^(y|yes|1|true|j|ja)$/i.test(v.trim());

/** Whole years between a birth date (YYYY-MM-DD) and a local date. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export const isStaff = (patron: PatronInfo, rules: DoorConfig) =>
  patron.category !== undefined && rules.staffCategories.includes(patron.category);

/**
 * May this patron enter now? Staff always may; everyone else needs the
 * branch to be unstaffed-open, a valid card and PIN, and their standing
 * (below). Returns the first reason to deny, or undefined.
 */
export function denialReason(
  patron: PatronInfo,
  pin: string,
  mode: BranchMode,
  rules: DoorConfig,
  today: string,
): DenialReason | undefined {
  if (pin === '') return 'empty-pin';
  if (!patron.valid) return 'unknown-patron';
  if (!patron.pinValid) return 'wrong-pin';
  if (isStaff(patron, rules)) return undefined;
  if (mode !== 'unstaffed') return 'outside-hours';
  return standingDenial(patron, rules, today);
}

/**
 * The patron's standing, apart from the PIN and the hour: a card that is
 * valid, not lost or expired, the meröppet permission, the minimum age (or
 * guardian consent), no block and fines under the limit. Staff always
 * stand. What the offline entry cache keeps in step with the central
 * system, with or without a PIN.
 */
export function standingDenial(patron: PatronInfo, rules: DoorConfig, today: string): DenialReason | undefined {
  if (!patron.valid) return 'unknown-patron';
  if (isStaff(patron, rules)) return undefined;
  if (patron.blockReasons.includes('card-lost')) return 'card-lost';
  if (patron.blockReasons.includes('card-expired')) return 'card-expired';
  if (patron.blockReasons.includes('card-invalid')) return 'card-invalid';
  const permitted =
    truthy(patron.extra[rules.permission.attribute]) ||
    (patron.category !== undefined && rules.permission.categories.includes(patron.category));
  if (!permitted) return 'no-permission';
  if (rules.minimumAge > 0) {
    const consent = rules.guardianConsentAttribute !== undefined && truthy(patron.extra[rules.guardianConsentAttribute]);
    if (!patron.birthDate || (ageOn(patron.birthDate, today) < rules.minimumAge && !consent)) return 'under-age';
  }
  if (patron.fines.amount >= rules.maxFines && rules.maxFines > 0) return 'fines';
  if (patron.blockReasons.length > 0) return 'blocked';
  return undefined;
}
