import { REFUSAL_TEXT } from '../../main/central/demo/handlers.ts';
import { cancelHold, type HoldAnswer, MAX_HOLDS, placeHold } from '../../main/central/demo/holds.ts';
import { DemoLibrary, FINE_LIMIT } from '../../main/central/demo/library.ts';
import { holdRefusalFromMessages } from '../../main/central/sip2/hold-refusal.ts';
import { cleanScreenMessages, kohaProfile } from '../../main/central/sip2/profiles.ts';
import type {
  CentralHealth,
  CentralSystem,
  CheckinRequest,
  CheckinResult,
  CheckoutRequest,
  CheckoutResult,
  HoldRefusal,
  HoldRequest,
  HoldResult,
  ItemInfo,
  PatronInfo,
  PatronQuery,
  RenewResult,
  ReturnRoute,
} from '../../shared/domain/central.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter } from '../../shared/events.ts';

/**
 * The one CentralSystem test double: the demo central system's data and
 * rules (main/central/demo: the region's patrons, items, loans, holds and
 * Koha-like routing) answered in process, as the kiosk sees them after
 * SIP2 (tests/integration/central/central-double.test.ts holds it to the
 * real demo ACS), plus what tests script:
 *
 * - `script(method, handler)`: a handler sees each call first and may
 *   answer it, throw, or pass it on (changed, if it likes) with `next()`;
 * - `fault`: the link is down, the answer is lost after the server applied
 *   it, or the server applies it only when `applyLate()` is called;
 * - `calls` (one line per call), `applied` (what the server did),
 *   `requests`, `setHealth()`, `pins` (a patron's PIN set for a test),
 *   `addItems()`, `lend()` and `loanOf()`.
 */
export type Fault = 'none' | 'down' | 'lose-answer' | 'apply-later';

export interface Applied {
  readonly kind: 'checkout' | 'checkin' | 'renew';
  readonly item: string;
  readonly card?: string;
  readonly noBlock: boolean;
  readonly transactionTime?: Date;
}

type Method = Exclude<keyof CentralSystem, 'health' | 'onHealth' | 'renewAll'>;
type Args<M extends Method> = Parameters<NonNullable<CentralSystem[M]>>;
type Answer<M extends Method> = Awaited<ReturnType<NonNullable<CentralSystem[M]>>>;
type Handler<M extends Method> = (args: Args<M>, next: (args?: Args<M>) => Promise<Answer<M>>) => Answer<M> | Promise<Answer<M>>;

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export class CentralDouble implements CentralSystem {
  readonly library: DemoLibrary;
  readonly calls: string[] = [];
  readonly applied: Applied[] = [];
  /** A patron's PIN as a test sets it (card -> PIN), over the demo data's. */
  readonly pins = new Map<string, string>();
  fault: Fault = 'none';
  requests = 0;
  private current: CentralHealth = 'online';
  private readonly events = new Emitter<{ health: CentralHealth }>();
  private readonly handlers: { [M in Method]?: Handler<M> } = {};
  private late: Array<() => void> = [];

  constructor(private readonly options: { readonly now?: () => Date; readonly location?: string } = {}) {
    this.library = new DemoLibrary(options.now);
  }

  // --- what tests script and read ---

  script<M extends Method>(method: M, handler: Handler<M>): this {
    (this.handlers as Record<M, Handler<M>>)[method] = handler;
    return this;
  }

  setHealth(h: CentralHealth): void {
    this.current = h;
    this.events.emit('health', h);
  }

  /** Ordinary loanable books with these barcodes, owned by this branch (the demo's own items keep theirs). */
  addItems(itemIds: Iterable<string>): this {
    for (const itemId of itemIds) {
      if (this.library.item(itemId)) continue;
      this.library.addItem({
        itemId,
        title: `Book ${itemId}`,
        owner: this.location,
        parts: 1,
        mediaType: 'book',
        callNumber: 'Hc',
        note: '',
      });
    }
    return this;
  }

  /** The server has this item on loan to `card` (applied before the test looks). */
  lend(itemId: string, card: string): void {
    const now = this.now();
    this.library.loans.set(itemId, { cardNumber: card, since: now, due: new Date(now.getTime() + 28 * DAY) });
  }

  loanOf(itemId: string): string | undefined {
    return this.library.loans.get(itemId)?.cardNumber;
  }

  applyLate(): void {
    for (const f of this.late.splice(0)) f();
  }

  // --- CentralSystem ---

  health(): CentralHealth {
    return this.current;
  }

  onHealth(listener: (h: CentralHealth) => void) {
    return this.events.on('health', listener);
  }

  patronInformation(cardNumber: string, pin?: string, options?: PatronQuery): Promise<PatronInfo> {
    return this.call('patronInformation', 'patron', [cardNumber, pin, options], (a) => this.patron(...a));
  }

  checkout(request: CheckoutRequest): Promise<CheckoutResult> {
    if (this.fault === 'apply-later') {
      this.requests++;
      this.late.push(() => void this.withFault('none', () => this.checkout(request)));
      return Promise.reject(new OpenBranchError('sip2.timeout', 'no answer yet (double)'));
    }
    return this.call('checkout', `checkout ${request.itemId}`, [request], ([r]) => this.lendItem(r));
  }

  checkin(request: CheckinRequest): Promise<CheckinResult> {
    return this.call('checkin', `checkin ${request.itemId}`, [request], ([r]) => this.takeBack(r));
  }

  renew(cardNumber: string, itemId: string, pin?: string): Promise<RenewResult> {
    return this.call('renew', `renew ${itemId}`, [cardNumber, itemId, pin], ([card, item]) => this.renewLoan(card, item));
  }

  async renewAll(cardNumber: string, pin?: string) {
    const loans = this.library.loansOf(cardNumber).map(({ item }) => item.itemId);
    const results = await Promise.all(loans.map((itemId) => this.renew(cardNumber, itemId, pin)));
    return { renewed: results.filter((r) => r.ok).map((r) => r.itemId), failed: results.filter((r) => !r.ok).map((r) => r.itemId) };
  }

  itemInformation(itemId: string): Promise<ItemInfo> {
    return this.call('itemInformation', `item ${itemId}`, [itemId], ([item]) => this.item(item));
  }

  hold(request: HoldRequest): Promise<HoldResult> {
    const line = `${request.cancel ? 'cancel hold' : 'hold'} ${request.itemId ?? request.titleId ?? ''}`;
    return this.call('hold', line, [request], ([r]) => this.reserve(r));
  }

  endSession(cardNumber: string): Promise<void> {
    return this.call('endSession', 'end', [cardNumber], async () => {});
  }

  // --- the link: faults, then the script, then the demo's rules ---

  private async call<M extends Method>(
    method: M,
    line: string,
    args: Args<M>,
    demo: (args: Args<M>) => Promise<Answer<M>>,
  ): Promise<Answer<M>> {
    this.requests++;
    this.calls.push(line);
    if (this.fault === 'down') throw new OpenBranchError('sip2.timeout', 'no answer (double)');
    const handler = this.handlers[method] as Handler<M> | undefined;
    const answer = await (handler ? handler(args, (changed = args) => demo(changed)) : demo(args));
    // Applied at the server, but the answer never arrives.
    if (this.fault === 'lose-answer') throw new OpenBranchError('sip2.timeout', 'answer lost (double)');
    return answer;
  }

  private async withFault<T>(f: Fault, run: () => Promise<T>): Promise<T> {
    const saved = this.fault;
    this.fault = f;
    try {
      return await run();
    } finally {
      this.fault = saved;
    }
  }

  private get location(): string {
    return this.options.location ?? 'VAS';
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  // --- the demo central system's answers, as Sip2Central maps them ---

  private async patron(card: string, pin?: string, options: PatronQuery = {}): Promise<PatronInfo> {
    const lib = this.library;
    const p = lib.patron(card);
    const none = { loans: [], holdsReady: [], holdsPending: [], overdueCount: 0, extra: {} };
    if (!p) {
      return {
        ...none,
        cardNumber: card,
        name: '',
        valid: false,
        pinValid: false,
        mayBorrow: false,
        // Koha flags an unknown card as blocked too (patron status YYYY).
        blockReasons: ['unknown-patron', 'blocked'],
        fines: { amount: 0, currency: 'SEK' },
        screenMessages: ['Invalid patron'],
      };
    }
    const block = lib.patronBlock(p);
    const now = this.now().getTime();
    const loans = lib.loansOf(card);
    const expected = this.pins.get(card) ?? p.pin;
    return {
      cardNumber: card,
      name: p.name,
      valid: true,
      pinValid: pin !== undefined && pin.trim() !== '' && pin === expected,
      mayBorrow: block === undefined,
      blockReasons: block === undefined ? [] : [block === 'expired' ? 'card-expired' : block],
      fines: { amount: p.fines ?? 0, currency: 'SEK', limit: FINE_LIMIT },
      birthDate: p.birthDate,
      category: p.category,
      homeLibrary: p.home,
      ...(p.email ? { email: p.email } : {}),
      extra: { meroppet: p.meroppet ? 'Y' : 'N' },
      screenMessages: cleanScreenMessages(kohaProfile, [p.blocked ? '-- Patron is blocked' : '']),
      loans: loans.map(({ item, loan }) => ({
        itemId: item.itemId,
        ...(options.brief ? {} : { title: item.title, dueDate: isoDate(loan.due) }),
        overdue: loan.due.getTime() < now,
      })),
      holdsReady: lib
        .holdsOf(card)
        .filter((h) => h.waiting)
        .map((h) => {
          const title = options.brief ? undefined : lib.item(h.itemId)?.title;
          return { itemId: h.itemId, ...(title ? { title } : {}), pickupLocation: this.location };
        }),
      holdsPending: lib
        .holdsOf(card)
        .filter((h) => !h.waiting)
        .map((h) => ({ itemId: h.itemId })),
      overdueCount: loans.filter((l) => l.loan.due.getTime() < now).length,
    };
  }

  private async lendItem(req: CheckoutRequest): Promise<CheckoutResult> {
    const at = (req.noBlock ? req.transactionTime : undefined) ?? this.now();
    const r = this.library.checkout(req.cardNumber, req.itemId, req.noBlock ?? false, at, req.renewalAllowed ?? false);
    const title = this.library.item(req.itemId)?.title;
    const base = { itemId: req.itemId, ...(title ? { title } : {}) };
    if (!r.ok) {
      // The words the demo ACS says, read back the way the Koha profile reads them.
      const text = REFUSAL_TEXT[r.refusal];
      const refusal = kohaProfile.checkoutRefusals.find((c) => c.pattern.test(text))?.reason ?? 'other';
      return { ...base, ok: false, refusal, screenMessages: [text], desensitize: false };
    }
    this.applied.push({
      kind: 'checkout',
      item: req.itemId,
      card: req.cardNumber,
      noBlock: req.noBlock ?? false,
      ...(req.transactionTime ? { transactionTime: req.transactionTime } : {}),
    });
    return { ...base, ok: true, dueDate: isoDate(r.due), ...(r.renewed ? { renewed: true } : {}), screenMessages: [], desensitize: true };
  }

  private async takeBack(req: CheckinRequest): Promise<CheckinResult> {
    const r = this.library.checkin(req.itemId, req.location);
    if (!r.known) {
      return {
        ok: false,
        itemId: req.itemId,
        route: { kind: 'staff', reason: 'unknown-item' },
        refusal: 'unknown-item',
        screenMessages: ['Invalid Item'],
      };
    }
    this.applied.push({
      kind: 'checkin',
      item: req.itemId,
      noBlock: req.noBlock ?? false,
      ...(req.transactionTime ? { transactionTime: req.transactionTime } : {}),
    });
    const holder = r.hold ? this.library.patron(r.hold.cardNumber) : undefined;
    const route: ReturnRoute = r.hold
      ? r.hold.pickup === req.location
        ? {
            kind: 'hold-shelf',
            holdPatron: r.hold.cardNumber,
            ...(holder ? { holdPatronName: holder.name } : {}),
            pickupLocation: r.hold.pickup,
          }
        : { kind: 'transit', destination: r.hold.pickup, holdPatron: r.hold.cardNumber }
      : r.transitTo
        ? { kind: 'transit', destination: r.transitTo }
        : { kind: 'shelf', location: r.item.owner, callNumber: r.item.callNumber };
    return {
      ok: true,
      itemId: req.itemId,
      title: r.item.title,
      route,
      resensitize: true,
      alert: r.hold !== undefined || r.transitTo !== undefined,
      screenMessages: r.wasOnLoan ? [] : ['Item not checked out'],
    };
  }

  private async reserve(req: HoldRequest): Promise<HoldResult> {
    const asked = {
      card: req.cardNumber,
      pin: req.pin,
      itemId: req.itemId ?? '',
      titleId: req.titleId ?? '',
      pickup: req.cancel ? '' : req.pickupLocation,
    };
    const r: HoldAnswer = req.cancel ? cancelHold(this.library, asked) : placeHold(this.library, asked);
    const ids = { ...(req.itemId ? { itemId: req.itemId } : {}), ...(req.titleId ? { titleId: req.titleId } : {}) };
    if (!r.ok) {
      const screenMessages = r.message ? [r.message] : [];
      return { ...ids, ok: false, refusal: this.holdRefusal(req, screenMessages), screenMessages };
    }
    return {
      ...ids,
      ok: true,
      itemId: r.itemId,
      // A cancel's answer names no branch: Sip2Central repeats the one asked for.
      ...(req.cancel ? { pickupLocation: req.pickupLocation } : { pickupLocation: r.pickup, queuePosition: r.queue }),
      available: r.available,
      screenMessages: [],
    };
  }

  /** Koha's text when it sends one; else what the patron's record shows, as Sip2Central reads it after a silent refusal. */
  private holdRefusal(req: HoldRequest, messages: readonly string[]): HoldRefusal {
    const said = holdRefusalFromMessages(kohaProfile, messages);
    if (said) return said;
    const patron = this.library.patron(req.cardNumber);
    if (!patron) return 'invalid-patron';
    if (this.library.patronBlock(patron)) return 'patron-blocked';
    const held = this.library.holdsOf(req.cardNumber);
    if (req.itemId && held.some((h) => h.itemId === req.itemId)) return 'already-reserved';
    if (held.length >= MAX_HOLDS) return 'limit-reached';
    return 'unknown';
  }

  private async renewLoan(card: string, itemId: string): Promise<RenewResult> {
    const r = this.library.renew(card, itemId);
    const title = this.library.item(itemId)?.title;
    if (!r.ok) return { ok: false, itemId, ...(title ? { title } : {}), screenMessages: [r.reason] };
    this.applied.push({ kind: 'renew', item: itemId, card, noBlock: false });
    return { ok: true, itemId, ...(title ? { title } : {}), dueDate: isoDate(r.due), screenMessages: [] };
  }

  private async item(itemId: string): Promise<ItemInfo> {
    const lib = this.library;
    const item = lib.item(itemId);
    if (!item) return { itemId, known: false, circulation: 'unknown' };
    const loan = lib.loans.get(itemId);
    const hold = lib.firstHold(itemId);
    const holds = lib.holds.filter((h) => h.itemId === itemId).length;
    return {
      itemId,
      known: true,
      title: item.title,
      circulation: loan ? 'checked-out' : hold?.waiting ? 'on-hold-shelf' : item.notForLoan ? 'other' : 'available',
      ...(loan ? { dueDate: isoDate(loan.due) } : {}),
      ...(holds ? { holdQueueLength: holds } : {}),
      permanentLocation: item.owner,
      currentLocation: lib.location.get(itemId) ?? item.owner,
    };
  }
}
