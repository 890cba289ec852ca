import type { Transaction } from '../../../main/central/demo/library.ts';
import type { PlanOp } from './crash-child.ts';

export interface Verdict {
  /** Told done (online or offline) but not at the ACS. */
  readonly lost: string[];
  /** At the ACS more often than anything explains. */
  readonly extra: string[];
  /** Final loan differs from what the matched history says. */
  readonly loanMismatch: string[];
  /** Transactions the patron never saw succeed that the ACS has anyway (each must be on the staff's list). */
  readonly appliedUntold: number;
}

const key = (kind: string, card: string | undefined) => (kind === 'checkout' ? `checkout:${card}` : 'checkin');

/**
 * Compares, item by item and in order, the ACS's successful transactions
 * with what the plan says happened: every transaction the patron was told
 * succeeded (required) and the ones interrupted or failed (optional: they
 * may or may not have reached the ACS). Anything left over at the ACS is
 * a double.
 */
export function verify(
  plan: readonly PlanOp[],
  told: ReadonlyMap<number, string>,
  optional: ReadonlySet<number>,
  acsLog: readonly Transaction[],
  loans: ReadonlyMap<string, { cardNumber: string }>,
): Verdict {
  const lost: string[] = [];
  const extra: string[] = [];
  const loanMismatch: string[] = [];
  let appliedUntold = 0;
  for (const item of new Set(plan.map((p) => p.item))) {
    const acs = acsLog.filter((t) => t.itemId === item && t.ok && t.kind !== 'renew').map((t) => key(t.kind, t.cardNumber));
    let at = 0;
    let holder: string | undefined;
    plan.forEach((op, i) => {
      if (op.item !== item) return;
      const outcome = told.get(i);
      const required = outcome === 'ok' || outcome === 'offline';
      if (!required && !optional.has(i)) return;
      const k = key(op.kind, op.kind === 'checkout' ? op.card : undefined);
      if (acs[at] === k) {
        at++;
        if (!required) appliedUntold++;
        holder = op.kind === 'checkout' ? op.card : undefined;
      } else if (required && !(op.kind === 'checkin' && holder === undefined)) lost.push(`#${i} ${k} ${item}`);
      // (A return of an item not on loan may be settled by the pre-check without being sent: nothing to undo.)
    });
    for (; at < acs.length; at++) extra.push(`${acs[at]} ${item}`);
    if (loans.get(item)?.cardNumber !== holder)
      loanMismatch.push(`${item}: ACS ${loans.get(item)?.cardNumber ?? '-'}, expected ${holder ?? '-'}`);
  }
  return { lost, extra, loanMismatch, appliedUntold };
}
