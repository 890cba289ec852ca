import type { CentralSystem } from '../../shared/domain/central.ts';
import type { QueueRow } from './store.ts';

export type AppliedCheck = 'applied' | 'not-applied' | 'other-borrower' | 'cannot-tell';

/**
 * Did a transaction that may have been sent already happen at the central
 * system? Asked before anything is resent, so nothing is done twice. The
 * item's circulation status says whether it is out; when it is and the
 * server does not name the borrower (Koha does not), the patron's own
 * loans say whose it is.
 */
export async function wasApplied(central: CentralSystem, row: QueueRow): Promise<AppliedCheck> {
  if (row.kind === 'renew') return 'cannot-tell';
  const item = await central.itemInformation(row.item);
  const out = item.known && item.circulation === 'checked-out';
  if (row.kind === 'checkin') return out ? 'not-applied' : 'applied';
  if (!out) return 'not-applied';
  if (item.borrower !== undefined) return item.borrower === row.card ? 'applied' : 'other-borrower';
  if (row.card === null) return 'cannot-tell';
  const patron = await central.patronInformation(row.card);
  return patron.loans.some((l) => l.itemId === row.item) ? 'applied' : 'other-borrower';
}
