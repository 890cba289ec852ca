import type { OfflinePolicy } from '../../shared/config/offline.ts';
import type { CheckoutRefusal, PatronBlockReason } from '../../shared/domain/central.ts';
import { wallClock } from '../../shared/time/wall-clock.ts';
import type { PinCheck } from './pin-cache.ts';

const DAY = 86_400_000;

/** Why the kiosk will not do something offline (logged and stored as the reason; the UI gets the refusal). */
export type OfflineRefusal =
  | 'offline-checkout-off'
  | 'offline-returns-off'
  | 'card-format'
  | 'card-denied'
  | 'pin-missing'
  | 'pin-invalid'
  | 'pin-not-cached'
  | 'offline-limit';

export type OfflineDecision = { readonly ok: true } | { readonly ok: false; readonly reason: OfflineRefusal };

/** The card checks that need no central system: format and the local deny list. */
export function cardAllowed(policy: OfflinePolicy, card: string): OfflineDecision {
  if (!new RegExp(policy.cardPattern).test(card)) return { ok: false, reason: 'card-format' };
  if (policy.denyList.includes(card)) return { ok: false, reason: 'card-denied' };
  return { ok: true };
}

/** May this patron borrow one more item while offline? */
export function offlineCheckoutDecision(
  policy: OfflinePolicy,
  input: { readonly card: string; readonly pin: PinCheck | 'none'; readonly offlineLoans: number },
): OfflineDecision {
  if (!policy.checkout) return { ok: false, reason: 'offline-checkout-off' };
  const card = cardAllowed(policy, input.card);
  if (!card.ok) return card;
  if (policy.requirePin) {
    if (input.pin === 'none') return { ok: false, reason: 'pin-missing' };
    if (input.pin === 'invalid') return { ok: false, reason: 'pin-invalid' };
    if (input.pin === 'not-cached') return { ok: false, reason: 'pin-not-cached' };
  }
  if (input.offlineLoans >= policy.maxItemsPerPatron) return { ok: false, reason: 'offline-limit' };
  return { ok: true };
}

export function checkoutRefusalFor(reason: OfflineRefusal): CheckoutRefusal {
  return reason === 'offline-limit' ? 'limit-reached' : reason === 'offline-checkout-off' ? 'other' : 'patron-blocked';
}

export function blockReasonFor(reason: OfflineRefusal): PatronBlockReason {
  return reason === 'card-format' ? 'card-invalid' : 'blocked';
}

/**
 * Due date of an offline loan: `loanDays` after the branch's local date of
 * the loan, at 23:59 wall-clock time ("YYYY-MM-DDT23:59:00", the form SIP2
 * due dates are read in). The patron is shown this date, and the replay
 * sends it as SIP2's "nb due date", so the central system records the same.
 */
export function offlineDueDate(policy: OfflinePolicy, at: number, timeZone = 'UTC'): string {
  const { year, month, day } = wallClock(new Date(at), timeZone);
  return `${new Date(Date.UTC(year, month - 1, day) + policy.loanDays * DAY).toISOString().slice(0, 10)}T23:59:00`;
}
