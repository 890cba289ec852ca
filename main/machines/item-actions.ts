import type { ItemLine } from '../../shared/contract/session-view.ts';
import type { ItemPad } from '../../shared/devices/rfid.ts';
import type { CentralSystem, ReturnRoute } from '../../shared/domain/central.ts';
import { isTransient } from '../../shared/errors.ts';
import type { SessionPatron } from './session-types.ts';

/** What the session needs from the outside world; provided in the composition root. */
export interface SessionServices {
  readonly central: CentralSystem;
  readonly pad: ItemPad | undefined;
  readonly branchId: string;
  /** Branch code -> name for "goes to Köping" (codes pass through when unknown). */
  readonly branchName: (code: string) => string;
  /** The hold-shelf label per the privacy policy (never the full card number). */
  readonly pickupLabel: (holdPatron: string | undefined, holdPatronName: string | undefined) => string;
  /** When the tag cannot be released after a loan: check the loan back in instead of sending the patron to staff. */
  readonly checkInOnSecurityFailure: boolean;
}

export type LinePatch = Partial<Omit<ItemLine, 'key' | 'itemId'>>;

const failure = (e: unknown): LinePatch => ({ status: 'refused', reason: isTransient(e) ? 'offline' : 'other' });

/**
 * One loan: SIP2 checkout first; only a recorded loan releases the tags,
 * and the release is confirmed by a read-back. Nothing here ever releases
 * an item whose checkout failed.
 */
export async function checkoutItem(s: SessionServices, patron: SessionPatron, itemId: string, uids: readonly string[]): Promise<LinePatch> {
  let result: Awaited<ReturnType<CentralSystem['checkout']>>;
  try {
    result = await s.central.checkout({ cardNumber: patron.cardNumber, ...(patron.pin ? { pin: patron.pin } : {}), itemId });
  } catch (e) {
    return failure(e);
  }
  const title = result.title ? { title: result.title } : {};
  if (!result.ok) {
    return {
      ...title,
      status: 'refused',
      reason: result.refusal ?? 'other',
      ...(result.refusal === 'already-yours' ? { canRenew: true } : {}),
    };
  }
  const loan = { ...title, ...(result.dueDate ? { dueDate: result.dueDate } : {}), ...(result.offline ? { offline: true } : {}) };
  const released = await setAll(s, uids, 'released');
  if (released) return { ...loan, status: 'done' };
  if (s.checkInOnSecurityFailure) {
    try {
      await s.central.checkin({ itemId, location: s.branchId });
      await setAll(s, uids, 'secured');
      return { ...title, status: 'refused', reason: 'security-failed' };
    } catch {
      // The loan stands; the patron is sent to staff below.
    }
  }
  return { ...loan, status: 'see-staff', reason: 'security-failed' };
}

/** One return: SIP2 checkin at this branch, tags secured, then where the item goes. */
export async function checkinItem(s: SessionServices, itemId: string, uids: readonly string[]): Promise<LinePatch> {
  let result: Awaited<ReturnType<CentralSystem['checkin']>>;
  try {
    result = await s.central.checkin({ itemId, location: s.branchId });
  } catch (e) {
    return failure(e);
  }
  const title = result.title ? { title: result.title } : {};
  if (result.refusal === 'unknown-item') return { ...title, status: 'see-staff', reason: 'unknown-item', route: { kind: 'staff' } };
  await setAll(s, uids, 'secured');
  const route = routeLine(s, result.route, result.sortBin);
  return { ...title, status: route.kind === 'staff' ? 'see-staff' : 'done', route, ...(result.offline ? { offline: true } : {}) };
}

function routeLine(s: SessionServices, route: ReturnRoute, sortBin: string | undefined): NonNullable<ItemLine['route']> {
  const bin = sortBin ? { sortBin } : {};
  switch (route.kind) {
    case 'shelf':
      return { kind: 'shelf', ...bin };
    case 'hold-shelf':
      return { kind: 'hold-shelf', label: s.pickupLabel(route.holdPatron, route.holdPatronName), ...bin };
    case 'transit':
      return { kind: 'transit', destination: s.branchName(route.destination), ...bin };
    case 'staff':
      return { kind: 'staff' };
  }
}

async function setAll(s: SessionServices, uids: readonly string[], state: 'released' | 'secured'): Promise<boolean> {
  if (!s.pad) return false;
  const pad = s.pad;
  const results = await Promise.all(uids.map((uid) => pad.setSecurity(uid, state).catch(() => ({ confirmed: false }))));
  return results.every((r) => r.confirmed);
}
