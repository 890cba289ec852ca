import { DEMO_BRANCHES, DEMO_HOLDS, DEMO_ITEMS, DEMO_LOANS, DEMO_PATRONS, type DemoItem, type DemoPatron } from './data.ts';

const DAY = 86_400_000;
export const LOAN_DAYS = 28;
export const FINE_LIMIT = 200;
export const MAX_LOANS = 50;

export interface Loan {
  readonly cardNumber: string;
  readonly due: Date;
  readonly since: Date;
}

export interface Hold {
  readonly itemId: string;
  readonly cardNumber: string;
  readonly pickup: string;
  waiting: boolean;
}

/** One transaction as the ACS received it (tests compare these with what patrons were told). */
export interface Transaction {
  readonly kind: 'checkout' | 'checkin' | 'renew';
  readonly itemId: string;
  readonly cardNumber?: string;
  readonly ok: boolean;
  readonly noBlock: boolean;
  /** Transaction time as the terminal sent it (for no-block: the original time). */
  readonly transactionDate: string;
  readonly at: Date;
}

export type CheckoutRefusal =
  | 'blocked'
  | 'unknown-patron'
  | 'unknown-item'
  | 'not-for-loan'
  | 'on-hold-for-other'
  | 'checked-out-to-other'
  | 'already-yours'
  | 'limit';

/**
 * The demo library system's state and rules, Koha-like: loans, holds and
 * routing on return. In memory: each start of the demo begins afresh.
 */
export class DemoLibrary {
  readonly loans = new Map<string, Loan>();
  readonly holds: Hold[] = [];
  readonly transactions: Transaction[] = [];
  private readonly items = new Map(DEMO_ITEMS.map((i) => [i.itemId, i]));
  private readonly patrons = new Map(DEMO_PATRONS.map((p) => [p.cardNumber, p]));
  /** Where each item is now (branch code); absent = at its owner. */
  readonly location = new Map<string, string>();

  constructor(readonly now: () => Date = () => new Date()) {
    const today = now().getTime();
    for (const l of DEMO_LOANS)
      this.loans.set(l.itemId, { cardNumber: l.cardNumber, due: new Date(today + l.dueInDays * DAY), since: new Date(today - 14 * DAY) });
    for (const h of DEMO_HOLDS) this.holds.push({ ...h });
  }

  patron(card: string): DemoPatron | undefined {
    return this.patrons.get(card);
  }

  item(id: string): DemoItem | undefined {
    return this.items.get(id);
  }

  branchName(code: string): string {
    return DEMO_BRANCHES.find((b) => b.code === code)?.name ?? code;
  }

  loansOf(card: string): Array<{ item: DemoItem; loan: Loan }> {
    return [...this.loans.entries()].flatMap(([id, loan]) => (loan.cardNumber === card ? [{ item: this.items.get(id)!, loan }] : []));
  }

  holdsOf(card: string): Hold[] {
    return this.holds.filter((h) => h.cardNumber === card);
  }

  /** Why this patron may not borrow, or undefined. */
  patronBlock(p: DemoPatron): 'blocked' | 'fines' | 'expired' | undefined {
    if (p.blocked) return 'blocked';
    if (p.expired) return 'expired';
    if ((p.fines ?? 0) > FINE_LIMIT) return 'fines';
    return undefined;
  }

  firstHold(itemId: string): Hold | undefined {
    return this.holds.find((h) => h.itemId === itemId);
  }

  checkout(
    card: string,
    itemId: string,
    noBlock: boolean,
    at: Date,
    renewalPolicy: boolean,
    /** An offline checkout's due date as the terminal gave it (SIP2 "nb due date"); otherwise the loan period applies. */
    dueAsGiven?: Date,
  ): { ok: true; due: Date; renewed: boolean } | { ok: false; refusal: CheckoutRefusal } {
    const patron = this.patrons.get(card);
    const item = this.items.get(itemId);
    const refuse = (refusal: CheckoutRefusal) => ({ ok: false as const, refusal });
    if (!patron) return refuse('unknown-patron');
    if (!item) return refuse('unknown-item');
    const current = this.loans.get(itemId);
    if (!noBlock) {
      if (this.patronBlock(patron)) return refuse('blocked');
      if (item.notForLoan) return refuse('not-for-loan');
      if (current && current.cardNumber !== card) return refuse('checked-out-to-other');
      if (current && current.cardNumber === card && !renewalPolicy) return refuse('already-yours');
      const hold = this.firstHold(itemId);
      if (hold && hold.cardNumber !== card) return refuse('on-hold-for-other');
      if (this.loansOf(card).length >= MAX_LOANS) return refuse('limit');
    }
    const renewed = current?.cardNumber === card;
    const due = dueAsGiven ?? new Date(at.getTime() + LOAN_DAYS * DAY);
    this.loans.set(itemId, { cardNumber: card, due, since: at });
    const ownHold = this.holds.findIndex((h) => h.itemId === itemId && h.cardNumber === card);
    if (ownHold >= 0) this.holds.splice(ownHold, 1);
    return { ok: true, due, renewed };
  }

  renew(card: string, itemId: string): { ok: true; due: Date } | { ok: false; reason: string } {
    const loan = this.loans.get(itemId);
    // Koha's own words (C4/SIP/ILS/Transaction/Renew.pm).
    if (!loan || loan.cardNumber !== card) return { ok: false, reason: 'Item already issued to other borrower' };
    const hold = this.firstHold(itemId);
    if (hold && hold.cardNumber !== card) return { ok: false, reason: 'Item unavailable due to outstanding holds' };
    const due = new Date(this.now().getTime() + LOAN_DAYS * DAY);
    this.loans.set(itemId, { ...loan, due });
    return { ok: true, due };
  }

  /** Takes an item back at `branch`; says where it goes next. */
  checkin(
    itemId: string,
    branch: string,
  ): { known: false } | { known: true; wasOnLoan: boolean; item: DemoItem; hold?: Hold; transitTo?: string } {
    const item = this.items.get(itemId);
    if (!item) return { known: false };
    const wasOnLoan = this.loans.delete(itemId);
    const hold = this.firstHold(itemId);
    if (hold) {
      if (hold.pickup === branch) hold.waiting = true;
      this.location.set(itemId, branch);
      return { known: true, wasOnLoan, item, hold, ...(hold.pickup === branch ? {} : { transitTo: hold.pickup }) };
    }
    this.location.set(itemId, branch);
    return { known: true, wasOnLoan, item, ...(item.owner === branch ? {} : { transitTo: item.owner }) };
  }
}
