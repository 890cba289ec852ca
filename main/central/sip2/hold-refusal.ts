import type { HoldRefusal } from '../../../shared/domain/central.ts';
import type { ItemInformationResponse, PatronInformationResponse } from './codec/responses.ts';
import type { Sip2Profile } from './profiles.ts';

/** What the kiosk learnt after a refused hold: the patron's record and the item's, asked for afterwards. */
export interface HoldFacts {
  readonly patron?: PatronInformationResponse;
  readonly item?: ItemInformationResponse;
}

/** The screen-message part: the profile's texts, first match wins. */
export function holdRefusalFromMessages(profile: Sip2Profile, messages: readonly string[]): HoldRefusal | undefined {
  return profile.holdRefusals.find((r) => messages.some((m) => r.pattern.test(m)))?.reason;
}

const number = (v: string | undefined) => {
  const n = Number.parseInt((v ?? '').trim(), 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

/**
 * Why a hold was refused when the ACS did not say (Koha's CanItemBeReserved
 * refusals come as ok=0 and nothing else): what the patron's and the item's
 * records show, in the order a librarian would check; `unknown` when they
 * show nothing, so the screen says honestly that no reason was given.
 */
export function diagnoseHoldRefusal(itemId: string | undefined, facts: HoldFacts, profile: Sip2Profile): HoldRefusal {
  const { patron, item } = facts;
  if (patron) {
    if (!patron.validPatron) return 'invalid-patron';
    if (patron.statusFlags.includes('holdPrivilegesDenied') || patron.statusFlags.some((f) => profile.borrowBlockingFlags.includes(f))) {
      return 'patron-blocked';
    }
    const held = new Set([...patron.holdItems, ...patron.unavailableHoldItems]);
    if ((itemId && held.has(itemId)) || (item?.title && held.has(item.title))) return 'already-reserved';
    const limit = number(patron.limits.hold);
    if (limit !== undefined && patron.counts.hold + patron.counts.unavailableHold >= limit) return 'limit-reached';
  }
  if (item && item.title === '' && item.circulationStatus === '01') return 'unknown-item';
  return 'unknown';
}
