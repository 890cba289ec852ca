import { isCatalogueBarcode } from './catalog/marc-fields.ts';
import { DEMO_BRANCHES, DEMO_HOLDS, DEMO_ITEMS, DEMO_LOANS, DEMO_PATRONS, type DemoItem, type DemoPatron } from './data.ts';

const DAY = 86_400_000;
export const LOAN_DAYS = 28;
export const FINE_LIMIT = 200;
export const MAX_LOANS = 50;

/** Loans of catalogue copies belong to patrons of the region who are not in the demo. */
export const OTHER_PATRON = '23999999999994';

/** A catalogue copy with its due date when on loan. */
export type CatalogItem = DemoItem & { readonly due?: string };

export interface Loan {
  readonly cardNumber: string;
  readonly due: Date;
  readonly since: Date;
}

export interface Hold {
  /** The copy the hold was placed on; a title-level hold is filled by any copy of `biblio`. */
  itemId: string;
  readonly cardNumber: string;
  readonly pickup: string;
  waiting: boolean;
  /** Title-level hold (placed over SIP2): any copy of this record fills it. */
  readonly biblio?: string;
  readonly placedAt?: Date;
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
  private readonly own: Map<string, DemoItem>;
  private catalogue: (() => Iterable<CatalogItem>) | undefined;
  private all: Map<string, DemoItem> | undefined;
  private readonly patrons = new Map(DEMO_PATRONS.map((p) => [p.cardNumber, p]));
  /** Where each item is now (branch code); absent = at its owner. */
  readonly location = new Map<string, string>();

  /** `catalogue`: the copies of the demo catalogue, read on first use (the kiosk starts without waiting for them). */
  constructor(
    readonly now: () => Date = () => new Date(),
    catalogue?: () => Iterable<CatalogItem>,
  ) {
    // The demo catalogue's first records are these items in this order, so record i + 1 is item i's.
    this.own = new Map(DEMO_ITEMS.map((item, i) => [item.itemId, { ...item, biblio: String(i + 1) }]));
    this.catalogue = catalogue;
    const today = now().getTime();
    for (const l of DEMO_LOANS)
      this.loans.set(l.itemId, { cardNumber: l.cardNumber, due: new Date(today + l.dueInDays * DAY), since: new Date(today - 14 * DAY) });
    for (const h of DEMO_HOLDS) this.holds.push({ ...h });
  }

  /** One more item in the catalogue (tests that need many loanable items). */
  addItem(item: DemoItem): void {
    this.items.set(item.itemId, item);
  }

  patron(card: string): DemoPatron | undefined {
    return this.patrons.get(card);
  }

  /** A patron library staff registered (tests and benchmarks that need more than the demo's eight). */
  addPatron(patron: DemoPatron): void {
    this.patrons.set(patron.cardNumber, patron);
  }

  /** What library staff do in Koha: block a card, change a PIN, withdraw the meröppet permission (demo and tests). */
  updatePatron(card: string, changes: Partial<Omit<DemoPatron, 'cardNumber'>>): void {
    const p = this.patrons.get(card);
    if (!p) throw new Error(`no demo patron ${card}`);
    this.patrons.set(card, { ...p, ...changes });
  }

  /**
   * The demo's own items answer without reading the catalogue (a first look-up of a catalogue copy reads it);
   * so does an id no catalogue copy can have, such as the queue's link probe, which every start sends.
   */
  item(id: string): DemoItem | undefined {
    const own = this.own.get(id);
    if (own || (this.all === undefined && !isCatalogueBarcode(id))) return own;
    return this.items.get(id);
  }

  /** The demo's own items (with their notes and parts) and every catalogue copy; catalogue loans go to other patrons. */
  private get items(): Map<string, DemoItem> {
    if (this.all) return this.all;
    const all = new Map(this.own);
    for (const copy of this.catalogue?.() ?? []) {
      const { due, ...item } = copy;
      const own = all.get(item.itemId);
      all.set(item.itemId, own ?? item);
      if (due && !own && !this.loans.has(item.itemId)) {
        this.loans.set(item.itemId, {
          cardNumber: OTHER_PATRON,
          due: new Date(`${due}T21:59:59Z`),
          since: new Date(this.now().getTime() - 14 * DAY),
        });
      }
    }
    this.catalogue = undefined;
    this.all = all;
    return all;
  }

  branchName(code: string): string {
    return DEMO_BRANCHES.find((b) => b.code === code)?.name ?? code;
  }

  loansOf(card: string): Array<{ item: DemoItem; loan: Loan }> {
    return [...this.loans.entries()].flatMap(([id, loan]) => (loan.cardNumber === card ? [{ item: this.item(id)!, loan }] : []));
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

  /** The hold a returned copy fills: one placed on this copy, else the oldest unfilled title-level hold on its record. */
  holdFilledBy(itemId: string): Hold | undefined {
    const biblio = this.item(itemId)?.biblio;
    return this.firstHold(itemId) ?? (biblio === undefined ? undefined : this.holds.find((h) => !h.waiting && h.biblio === biblio));
  }

  /** Every copy of a record (demo catalogue), in barcode order. */
  copiesOf(biblio: string): DemoItem[] {
    return [...this.items.values()].filter((i) => i.biblio === biblio);
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
    const item = this.item(itemId);
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
    const item = this.item(itemId);
    if (!item) return { known: false };
    const wasOnLoan = this.loans.delete(itemId);
    const hold = this.holdFilledBy(itemId);
    if (hold) {
      hold.itemId = itemId;
      if (hold.pickup === branch) hold.waiting = true;
      this.location.set(itemId, branch);
      return { known: true, wasOnLoan, item, hold, ...(hold.pickup === branch ? {} : { transitTo: hold.pickup }) };
    }
    this.location.set(itemId, branch);
    return { known: true, wasOnLoan, item, ...(item.owner === branch ? {} : { transitTo: item.owner }) };
  }
}
