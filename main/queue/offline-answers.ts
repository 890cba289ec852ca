import type { OfflinePolicy } from '../../shared/config/offline.ts';
import type { CheckinResult, CheckoutResult, PatronInfo } from '../../shared/domain/central.ts';
import type { PinCheck } from './pin-cache.ts';
import { blockReasonFor, cardAllowed, checkoutRefusalFor, type OfflineRefusal } from './policy.ts';

/**
 * What the kiosk answers itself while the central system is away. No
 * loans, holds or names are known; `extra.offline` tells the flows (and
 * the door, whose eligibility then finds no permission and stays shut).
 */
export function offlinePatron(policy: OfflinePolicy, card: string, pin: PinCheck | 'none'): PatronInfo {
  const allowed = cardAllowed(policy, card);
  const pinOk = pin === 'valid' || (!policy.requirePin && pin !== 'invalid');
  const mayBorrow = policy.checkout && allowed.ok && pinOk;
  return {
    cardNumber: card,
    name: '',
    valid: allowed.ok,
    pinValid: pin === 'valid',
    mayBorrow,
    blockReasons: allowed.ok ? [] : [blockReasonFor(allowed.reason)],
    fines: { amount: 0, currency: 'SEK' },
    screenMessages: [],
    loans: [],
    holdsReady: [],
    holdsPending: [],
    overdueCount: 0,
    extra: { offline: 'true', ...(pin === 'not-cached' ? { pin: 'not-cached' } : {}) },
  };
}

export function offlineLoan(itemId: string, dueDate: string): CheckoutResult {
  return { ok: true, itemId, dueDate, offline: true, desensitize: true, screenMessages: [] };
}

export function offlineLoanRefused(itemId: string, reason: OfflineRefusal): CheckoutResult {
  return { ok: false, itemId, refusal: checkoutRefusalFor(reason), offline: true, screenMessages: [] };
}

/** Where it goes is unknown offline: the return bin, for staff to sort. */
export function offlineReturn(itemId: string): CheckinResult {
  return { ok: true, itemId, route: { kind: 'staff', reason: 'offline' }, resensitize: true, offline: true, screenMessages: [] };
}

export function offlineReturnRefused(itemId: string): CheckinResult {
  return { ok: false, itemId, route: { kind: 'staff', reason: 'offline' }, refusal: 'other', offline: true, screenMessages: [] };
}
