import type { PatronBlockReason } from '../../../shared/domain/central.ts';
import { readSipDate } from './codec/date.ts';
import type { PatronInformationResponse, PatronStatusFlag } from './codec/responses.ts';
import { cleanScreenMessages, type Sip2Profile } from './profiles.ts';

/**
 * The patron decisions the flows need, computed from a 63/64 (or 23/24)
 * response. Pure and unit-tested; the kiosk never trusts the ACS alone
 * about an empty PIN.
 */
export function isPinValid(resp: PatronInformationResponse, pin: string | undefined): boolean {
  return pin !== undefined && pin.trim() !== '' && resp.validPatron && resp.validPatronPassword;
}

const REASON_OF_FLAG: Readonly<Record<PatronStatusFlag, PatronBlockReason>> = {
  chargePrivilegesDenied: 'blocked',
  renewalPrivilegesDenied: 'blocked',
  recallPrivilegesDenied: 'blocked',
  holdPrivilegesDenied: 'blocked',
  cardReportedLost: 'card-lost',
  tooManyItemsCharged: 'too-many-items',
  tooManyItemsOverdue: 'too-many-overdue',
  tooManyRenewals: 'blocked',
  tooManyClaimsOfItemsReturned: 'too-many-claims',
  tooManyItemsLost: 'blocked',
  excessiveOutstandingFines: 'fines',
  excessiveOutstandingFees: 'fines',
  recallOverdue: 'too-many-overdue',
  tooManyItemsBilled: 'blocked',
};

export interface FineStatus {
  readonly amount: number;
  readonly currency: string;
  readonly limit?: number;
  readonly overLimit: boolean;
}

export function fineStatus(resp: PatronInformationResponse): FineStatus {
  const overLimit = resp.feeLimit !== undefined && resp.feeLimit > 0 && resp.feeAmount > resp.feeLimit;
  return { amount: resp.feeAmount, currency: resp.currency, ...(resp.feeLimit === undefined ? {} : { limit: resp.feeLimit }), overLimit };
}

/** Whether the card's expiry (profile field, SIP date or YYYYMMDD) lies before `today` (YYYY-MM-DD). */
export function isExpired(expiry: string | undefined, today: string): boolean {
  const d = readSipDate(expiry ?? '');
  return d !== undefined && /^\d{4}-\d{2}-\d{2}/.test(d) && d.slice(0, 10) < today;
}

export interface BorrowDecision {
  readonly mayBorrow: boolean;
  readonly reasons: PatronBlockReason[];
}

/**
 * May this patron borrow? Only the profile's blocking flags count (hold
 * privileges denied alone does not), plus fines over the limit, an expired
 * card and an unknown patron.
 */
export function borrowDecision(
  resp: PatronInformationResponse,
  profile: Sip2Profile,
  expiry: string | undefined,
  today: string,
): BorrowDecision {
  const reasons = new Set<PatronBlockReason>();
  if (!resp.validPatron) reasons.add('unknown-patron');
  for (const flag of resp.statusFlags) if (profile.borrowBlockingFlags.includes(flag)) reasons.add(REASON_OF_FLAG[flag]);
  if (fineStatus(resp).overLimit) reasons.add('fines');
  if (isExpired(expiry, today)) reasons.add('card-expired');
  if (reasons.has('card-expired') || reasons.has('fines') || reasons.has('card-lost')) reasons.delete('blocked');
  return { mayBorrow: reasons.size === 0, reasons: [...reasons] };
}

/** The message to show the patron (AF), without the ACS's greeting. */
export function screenMessage(resp: { readonly screenMessages: readonly string[] }, profile: Sip2Profile): string | undefined {
  return cleanScreenMessages(profile, resp.screenMessages)[0];
}
