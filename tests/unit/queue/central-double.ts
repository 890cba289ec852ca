import type {
  CentralHealth,
  CentralSystem,
  CheckinRequest,
  CheckinResult,
  CheckoutRequest,
  CheckoutResult,
  ItemInfo,
  PatronInfo,
  RenewResult,
} from '../../../shared/domain/central.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { Emitter } from '../../../shared/events.ts';

/**
 * An in-process central system for the queue's unit tests: a dependency,
 * not the thing under test. Keeps loans and a log of every request it
 * applied, and can be told to fail before or after applying one.
 */
/** apply-later: no answer now; the server applies it when the test calls `applyLate()` (a slow server). */
export type Fault = 'none' | 'down' | 'lose-answer' | 'apply-later';

export interface Applied {
  readonly kind: 'checkout' | 'checkin' | 'renew';
  readonly item: string;
  readonly card?: string;
  readonly noBlock: boolean;
  readonly transactionTime?: Date;
}

export class CentralDouble implements CentralSystem {
  readonly loans = new Map<string, string>();
  readonly applied: Applied[] = [];
  readonly pins = new Map<string, string>([['23000000000017', '1234']]);
  readonly blocked = new Set<string>();
  readonly items = new Set(Array.from({ length: 2000 }, (_, i) => `39${String(i).padStart(12, '0')}`));
  fault: Fault = 'none';
  requests = 0;
  private current: CentralHealth = 'online';
  private readonly events = new Emitter<{ health: CentralHealth }>();

  health(): CentralHealth {
    return this.current;
  }
  onHealth(listener: (h: CentralHealth) => void) {
    return this.events.on('health', listener);
  }
  setHealth(h: CentralHealth): void {
    this.current = h;
    this.events.emit('health', h);
  }

  private gate(): void {
    this.requests++;
    if (this.fault === 'down') throw new OpenBranchError('sip2.timeout', 'no answer (double)');
  }
  /** Applied at the server, but the answer never arrives. */
  private answer<T>(r: T): T {
    if (this.fault === 'lose-answer') throw new OpenBranchError('sip2.timeout', 'answer lost (double)');
    return r;
  }

  async patronInformation(cardNumber: string, pin?: string): Promise<PatronInfo> {
    this.gate();
    const known = this.pins.has(cardNumber);
    return this.answer({
      cardNumber,
      name: 'Test Patron',
      valid: known,
      pinValid: known && pin !== undefined && this.pins.get(cardNumber) === pin,
      mayBorrow: known && !this.blocked.has(cardNumber),
      blockReasons: [],
      fines: { amount: 0, currency: 'SEK' },
      screenMessages: [],
      loans: [...this.loans].filter(([, c]) => c === cardNumber).map(([itemId]) => ({ itemId })),
      holdsReady: [],
      holdsPending: [],
      overdueCount: 0,
      extra: {},
    });
  }

  private late: Array<() => void> = [];
  applyLate(): void {
    for (const f of this.late.splice(0)) f();
  }

  async checkout(req: CheckoutRequest): Promise<CheckoutResult> {
    this.gate();
    if (this.fault === 'apply-later') {
      this.late.push(() => void this.withFault('none', () => this.checkout(req)));
      throw new OpenBranchError('sip2.timeout', 'no answer yet (double)');
    }
    const base = { itemId: req.itemId, screenMessages: [] as string[] };
    if (!this.items.has(req.itemId)) return this.answer({ ...base, ok: false, refusal: 'unknown-item', screenMessages: ['Invalid Item'] });
    const holder = this.loans.get(req.itemId);
    if (!req.noBlock && holder !== undefined && holder !== req.cardNumber)
      return this.answer({ ...base, ok: false, refusal: 'checked-out-to-other' });
    if (!req.noBlock && this.blocked.has(req.cardNumber)) return this.answer({ ...base, ok: false, refusal: 'patron-blocked' });
    this.loans.set(req.itemId, req.cardNumber);
    this.applied.push({
      kind: 'checkout',
      item: req.itemId,
      card: req.cardNumber,
      noBlock: req.noBlock ?? false,
      ...(req.transactionTime ? { transactionTime: req.transactionTime } : {}),
    });
    return this.answer({ ...base, ok: true, dueDate: '2026-12-31' });
  }

  private async withFault<T>(f: Fault, call: () => Promise<T>): Promise<T> {
    const saved = this.fault;
    this.fault = f;
    try {
      return await call();
    } finally {
      this.fault = saved;
    }
  }

  async checkin(req: CheckinRequest): Promise<CheckinResult> {
    this.gate();
    if (!this.items.has(req.itemId))
      return this.answer({
        ok: false,
        itemId: req.itemId,
        route: { kind: 'staff', reason: 'unknown-item' },
        refusal: 'unknown-item',
        screenMessages: [],
      });
    this.loans.delete(req.itemId);
    this.applied.push({
      kind: 'checkin',
      item: req.itemId,
      noBlock: req.noBlock ?? false,
      ...(req.transactionTime ? { transactionTime: req.transactionTime } : {}),
    });
    return this.answer({ ok: true, itemId: req.itemId, route: { kind: 'shelf' }, screenMessages: [] });
  }

  async renew(cardNumber: string, itemId: string): Promise<RenewResult> {
    this.gate();
    const ok = this.loans.get(itemId) === cardNumber;
    if (ok) this.applied.push({ kind: 'renew', item: itemId, card: cardNumber, noBlock: false });
    return this.answer({ ok, itemId, screenMessages: [], ...(ok ? { dueDate: '2027-01-31' } : {}) });
  }

  async itemInformation(itemId: string): Promise<ItemInfo> {
    this.gate();
    const known = this.items.has(itemId);
    return this.answer({ itemId, known, circulation: !known ? 'unknown' : this.loans.has(itemId) ? 'checked-out' : 'available' });
  }

  async endSession(): Promise<void> {
    this.gate();
  }
}

/** A clock the test moves by hand; timers fire in order as time passes. */
export class ManualClock {
  private t = 1_764_000_000_000;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + Math.max(0, ms), fn, id });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== h);
  };
  /** Moves time forward without running timers: weeks passing in a test without millions of probe ticks. */
  jump(ms: number): void {
    this.t += ms;
  }
  /** Moves time forward, running due timers and letting their promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
}
