import type {
  CentralHealth,
  CentralSystem,
  CheckinRequest,
  CheckinResult,
  CheckoutRequest,
  CheckoutResult,
  HoldRequest,
  HoldResult,
  ItemCirculation,
  ItemInfo,
  PatronInfo,
  PatronQuery,
  RenewResult,
} from '../../shared/domain/central.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Sip2Client } from './sip2/client.ts';
import { readSipDate } from './sip2/codec/date.ts';
import { borrowDecision, fineStatus, isPinValid } from './sip2/decisions.ts';
import { diagnoseHoldRefusal, type HoldFacts, holdRefusalFromMessages } from './sip2/hold-refusal.ts';
import { Sip2Operations } from './sip2/operations.ts';
import { cleanScreenMessages, type Sip2Profile } from './sip2/profiles.ts';
import { checkinRoute } from './sip2/routes.ts';

const TROUBLE_DEGRADES_MS = 30_000;
const MAX_TITLE_LOOKUPS = 20;

const CIRCULATION: Readonly<Record<string, ItemCirculation>> = {
  available: 'available',
  charged: 'checked-out',
  'charged-recall-pending': 'checked-out',
  recalled: 'checked-out',
  'waiting-on-hold-shelf': 'on-hold-shelf',
  'in-transit': 'in-transit',
  missing: 'missing',
  lost: 'lost',
};

/**
 * The central library system over SIP2: maps SIP2 answers to the domain
 * results the flows use, and its connection state to online / degraded /
 * offline. Business refusals resolve; transport failures reject.
 */
export class Sip2Central implements CentralSystem {
  private readonly ops: Sip2Operations;
  private readonly healthEvents = new Emitter<{ health: CentralHealth }>();
  private current: CentralHealth = 'offline';
  private troubleAt = 0;

  constructor(
    readonly client: Sip2Client,
    private readonly profile: Sip2Profile,
    private readonly location: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ops = new Sip2Operations(client);
    client.on('state', () => this.updateHealth());
    client.on('trouble', () => {
      this.troubleAt = Date.now();
      this.updateHealth();
    });
    client.on('success', () => this.updateHealth());
  }

  health(): CentralHealth {
    return this.current;
  }

  onHealth(listener: (health: CentralHealth) => void): Unsubscribe {
    return this.healthEvents.on('health', listener);
  }

  private updateHealth(): void {
    const next: CentralHealth =
      this.client.state !== 'ready' ? 'offline' : Date.now() - this.troubleAt < TROUBLE_DEGRADES_MS ? 'degraded' : 'online';
    if (next === this.current) return;
    this.current = next;
    this.logger.info({ health: next }, 'central system health');
    this.healthEvents.emit('health', next);
  }

  async patronInformation(cardNumber: string, pin?: string, options: PatronQuery = {}): Promise<PatronInfo> {
    const r = await this.ops.patronInformation(cardNumber, pin, options.brief ? undefined : 'charged');
    const today = this.now().toISOString().slice(0, 10);
    const decision = borrowDecision(r, this.profile, r.expirationDate, today);
    const fines = fineStatus(r);
    const overdue = new Set(r.overdueItems);
    const lookups = options.brief ? [] : [...r.chargedItems, ...r.holdItems].slice(0, MAX_TITLE_LOOKUPS);
    const info = new Map<string, ItemInfo>();
    for (const id of new Set(lookups)) info.set(id, await this.itemInformation(id));
    const f = this.profile.patronFields;
    const extra: Record<string, string> = {};
    const meroppetField = f.meroppet;
    const raw = r.raw;
    if (meroppetField) {
      const m = new RegExp(`\\|${meroppetField}([^|]*)`).exec(raw);
      if (m) extra.meroppet = m[1]!;
    }
    return {
      cardNumber,
      name: r.personalName,
      valid: r.validPatron,
      pinValid: isPinValid(r, pin),
      mayBorrow: decision.mayBorrow,
      blockReasons: decision.reasons,
      fines: { amount: fines.amount, currency: fines.currency || 'SEK', ...(fines.limit === undefined ? {} : { limit: fines.limit }) },
      ...(r.birthDate ? { birthDate: readSipDate(r.birthDate)?.slice(0, 10) ?? r.birthDate } : {}),
      ...(r.patronType ? { category: r.patronType } : {}),
      ...(r.homeLibrary ? { homeLibrary: r.homeLibrary } : {}),
      ...(r.email ? { email: r.email } : {}),
      ...(r.expirationDate ? { extra: { ...extra, expires: readSipDate(r.expirationDate) ?? r.expirationDate } } : { extra }),
      screenMessages: cleanScreenMessages(this.profile, r.screenMessages),
      loans: r.chargedItems.map((itemId) => {
        const i = info.get(itemId);
        return {
          itemId,
          ...(i?.title ? { title: i.title } : {}),
          ...(i?.dueDate ? { dueDate: i.dueDate } : {}),
          overdue: overdue.has(itemId),
        };
      }),
      holdsReady: r.holdItems.map((itemId) => ({
        itemId,
        ...(info.get(itemId)?.title ? { title: info.get(itemId)!.title! } : {}),
        pickupLocation: this.location,
      })),
      holdsPending: r.unavailableHoldItems.map((itemId) => ({ itemId })),
      overdueCount: r.counts.overdue,
    };
  }

  async checkout(request: CheckoutRequest): Promise<CheckoutResult> {
    const original = request.noBlock ? request.transactionTime : undefined;
    const r = await this.ops.checkout({
      patron: request.cardNumber,
      item: request.itemId,
      ...(request.pin === undefined ? {} : { pin: request.pin }),
      renewalAllowed: request.renewalAllowed ?? false,
      ...(request.noBlock ? { noBlock: true } : {}),
      ...(original ? { transactionDate: original } : {}),
      // "nb due date": the due date the terminal gave the patron (SIP2; Koha since bug 32934), or, on an ACS
      // that reads the checkout's time from it (older Koha), that time.
      ...(request.noBlock ? nbDueDate(this.profile, original, request.promisedDueDate) : {}),
    });
    const messages = cleanScreenMessages(this.profile, r.screenMessages);
    const refusal = r.ok ? undefined : (reasonFor(this.profile.checkoutRefusals, messages) ?? 'other');
    return {
      ok: r.ok,
      itemId: request.itemId,
      ...(r.title ? { title: r.title } : {}),
      ...(r.ok && r.dueDate ? { dueDate: r.dueDate } : {}),
      ...(r.ok && r.renewalOk ? { renewed: true } : {}),
      ...(refusal ? { refusal } : {}),
      screenMessages: messages,
      desensitize: r.desensitize,
      raw: r.raw,
    };
  }

  async checkin(request: CheckinRequest): Promise<CheckinResult> {
    const r = await this.ops.checkin({
      item: request.itemId,
      location: request.location,
      ...(request.noBlock ? { noBlock: true } : {}),
      ...(request.transactionTime ? { transactionDate: request.transactionTime } : {}),
    });
    const messages = cleanScreenMessages(this.profile, r.screenMessages);
    const unknown = !r.ok && messages.some((m) => /invalid item|unknown|not found/i.test(m));
    return {
      ok: r.ok,
      itemId: request.itemId,
      ...(r.title ? { title: r.title } : {}),
      route: unknown ? { kind: 'staff', reason: 'unknown-item' } : checkinRoute(r, request.location),
      ...(r.sortBin ? { sortBin: r.sortBin } : {}),
      ...(r.mediaType ? { mediaType: r.mediaType } : {}),
      resensitize: r.resensitize,
      alert: r.alert,
      ...(unknown ? { refusal: 'unknown-item' as const } : !r.ok ? { refusal: 'other' as const } : {}),
      screenMessages: messages,
      raw: r.raw,
    };
  }

  async renew(cardNumber: string, itemId: string, pin?: string): Promise<RenewResult> {
    const r = await this.ops.renew(cardNumber, itemId, pin);
    const messages = cleanScreenMessages(this.profile, r.screenMessages);
    const refusal = r.ok ? undefined : (reasonFor(this.profile.renewRefusals, messages) ?? 'other');
    return {
      ok: r.ok,
      itemId,
      ...(r.title ? { title: r.title } : {}),
      ...(r.ok && r.dueDate ? { dueDate: r.dueDate } : {}),
      ...(refusal ? { refusal } : {}),
      screenMessages: messages,
      raw: r.raw,
    };
  }

  async renewAll(cardNumber: string, pin?: string) {
    const r = await this.ops.renewAll(cardNumber, pin);
    return { renewed: r.renewed, failed: r.unrenewed };
  }

  async itemInformation(itemId: string): Promise<ItemInfo> {
    const r = await this.ops.itemInformation(itemId);
    const known = r.title !== '' || r.circulationStatus !== '01';
    return {
      itemId,
      known,
      ...(r.title ? { title: r.title } : {}),
      circulation: known ? (CIRCULATION[r.circulation] ?? 'other') : 'unknown',
      ...(r.dueDate ? { dueDate: r.dueDate } : {}),
      ...(r.holdQueueLength ? { holdQueueLength: Number(r.holdQueueLength) } : {}),
      ...(r.permanentLocation ? { permanentLocation: r.permanentLocation } : {}),
      ...(r.currentLocation ? { currentLocation: r.currentLocation } : {}),
      ...(r.patronIdentifier ? { borrower: r.patronIdentifier } : {}),
      raw: r.raw,
    };
  }

  /** SIP2 Hold (15): a title-level hold ("any copy", BY 2) for pick-up at `pickupLocation` (BS). */
  async hold(request: HoldRequest): Promise<HoldResult> {
    const pin = request.pin === undefined ? {} : { pin: request.pin };
    const r = await this.ops.hold({
      mode: request.cancel ? 'cancel' : 'add',
      patron: request.cardNumber,
      ...pin,
      ...(request.itemId ? { item: request.itemId } : {}),
      ...(request.titleId ? { title: request.titleId } : {}),
      ...(request.cancel ? {} : { pickupLocation: request.pickupLocation, holdType: '2' as const }),
    });
    const messages = cleanScreenMessages(this.profile, r.screenMessages);
    const refusal = r.ok
      ? undefined
      : (holdRefusalFromMessages(this.profile, messages) ??
        diagnoseHoldRefusal(request.itemId, await this.holdFacts(request), this.profile));
    return {
      ok: r.ok,
      ...(r.itemIdentifier || request.itemId ? { itemId: r.itemIdentifier ?? request.itemId } : {}),
      ...(r.titleIdentifier || request.titleId ? { titleId: r.titleIdentifier ?? request.titleId } : {}),
      ...(r.ok ? { pickupLocation: r.pickupLocation ?? request.pickupLocation, available: r.available } : {}),
      ...(r.queuePosition === undefined ? {} : { queuePosition: r.queuePosition }),
      ...(refusal ? { refusal } : {}),
      screenMessages: messages,
      raw: r.raw,
    };
  }

  /** The patron's and the item's records after a refusal without a reason; a lost answer leaves that part out. */
  private async holdFacts(request: HoldRequest): Promise<HoldFacts> {
    const patron = await this.ops.patronInformation(request.cardNumber, request.pin, 'unavailable').catch(() => undefined);
    const item = request.itemId ? await this.ops.itemInformation(request.itemId).catch(() => undefined) : undefined;
    return { ...(patron ? { patron } : {}), ...(item ? { item } : {}) };
  }

  async endSession(cardNumber: string): Promise<void> {
    await this.ops.endSession(cardNumber);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** The reason of the first pattern any screen message matches (the profile's tables are in order of precedence). */
function reasonFor<R>(table: readonly { readonly pattern: RegExp; readonly reason: R }[], messages: readonly string[]): R | undefined {
  return table.find((c) => messages.some((m) => c.pattern.test(m)))?.reason;
}

function nbDueDate(profile: Sip2Profile, original: Date | undefined, promised: string | undefined): { nbDueDate?: Date | string } {
  if (profile.nbDueDate === 'transaction-time') return original ? { nbDueDate: original } : {};
  return promised ? { nbDueDate: promised } : {};
}
