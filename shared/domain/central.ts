import type { Unsubscribe } from '../events.ts';

/**
 * The central library system as the kiosk's flows see it. main/central
 * implements it over SIP2 (any profile); main/queue wraps it with the
 * offline write-ahead queue. Machines receive it as an actor/service.
 *
 * Every method rejects with an OpenBranchError: `sip2.*` / `central.offline`
 * for transport trouble (isTransient), never for a business refusal: a
 * refusal is a resolved result with `ok: false` and a reason.
 */

export type CentralHealth = 'online' | 'degraded' | 'offline';

/** Why a patron may not do something; mapped to catalogued messages in the UI. */
export type PatronBlockReason =
  | 'card-invalid'
  | 'card-lost'
  | 'card-expired'
  | 'blocked'
  | 'fines'
  | 'too-many-items'
  | 'too-many-overdue'
  | 'too-many-claims'
  | 'unknown-patron';

export interface PatronInfo {
  readonly cardNumber: string;
  readonly name: string;
  /** BL: the patron exists. */
  readonly valid: boolean;
  /** CQ: the PIN was valid (false when no PIN was given). */
  readonly pinValid: boolean;
  readonly mayBorrow: boolean;
  readonly blockReasons: readonly PatronBlockReason[];
  readonly fines: { readonly amount: number; readonly currency: string; readonly limit?: number };
  readonly birthDate?: string;
  readonly category?: string;
  readonly homeLibrary?: string;
  readonly email?: string;
  readonly screenMessages: readonly string[];
  readonly loans: readonly LoanInfo[];
  readonly holdsReady: readonly HoldInfo[];
  readonly holdsPending: readonly HoldInfo[];
  readonly overdueCount: number;
  /** Server fields the profile did not map (for eligibility rules on custom fields). */
  readonly extra: Readonly<Record<string, string>>;
}

export interface LoanInfo {
  readonly itemId: string;
  readonly title?: string;
  readonly dueDate?: string;
  readonly overdue?: boolean;
}

export interface HoldInfo {
  readonly itemId?: string;
  readonly title?: string;
  readonly pickupLocation?: string;
}

export type CheckoutRefusal =
  | 'on-hold-for-other'
  | 'not-for-loan'
  | 'already-yours'
  | 'checked-out-to-other'
  | 'patron-blocked'
  | 'limit-reached'
  | 'unknown-item'
  | 'other';

export interface CheckoutRequest {
  readonly cardNumber: string;
  readonly pin?: string;
  readonly itemId: string;
  /** Offline replay: SIP2 no-block with the original transaction time. */
  readonly noBlock?: boolean;
  readonly transactionTime?: Date;
  /** Offline replay: the due date the patron was shown, as wall-clock "YYYY-MM-DDTHH:MM:SS" of the branch (sent as SIP2 "nb due date"). */
  readonly promisedDueDate?: string;
  readonly renewalAllowed?: boolean;
}

export interface CheckoutResult {
  readonly ok: boolean;
  readonly itemId: string;
  readonly title?: string;
  readonly dueDate?: string;
  readonly renewed?: boolean;
  readonly refusal?: CheckoutRefusal;
  readonly screenMessages: readonly string[];
  /** Accepted while the central system was offline; registered when it is back. */
  readonly offline?: boolean;
  /** Security should be released (SIP2 magnetic media / desensitize). */
  readonly desensitize?: boolean;
  readonly raw?: string;
}

export interface CheckinRequest {
  readonly itemId: string;
  /** This branch (SIP2 AP current location). */
  readonly location: string;
  readonly noBlock?: boolean;
  readonly transactionTime?: Date;
}

/** Where a returned item goes next. */
export type ReturnRoute =
  | { readonly kind: 'shelf'; readonly location?: string; readonly callNumber?: string }
  | { readonly kind: 'hold-shelf'; readonly holdPatron?: string; readonly holdPatronName?: string; readonly pickupLocation?: string }
  | { readonly kind: 'transit'; readonly destination: string; readonly holdPatron?: string }
  | { readonly kind: 'staff'; readonly reason: string };

export interface CheckinResult {
  readonly ok: boolean;
  readonly itemId: string;
  readonly title?: string;
  readonly route: ReturnRoute;
  readonly sortBin?: string;
  readonly mediaType?: string;
  readonly resensitize?: boolean;
  readonly alert?: boolean;
  readonly refusal?: 'unknown-item' | 'not-checked-out' | 'other';
  readonly offline?: boolean;
  readonly screenMessages: readonly string[];
  readonly raw?: string;
}

/** Why a renewal was refused; mapped to catalogued messages in the UI. */
export type RenewRefusal =
  | 'on-hold-for-other'
  | 'too-many-renewals'
  | 'not-renewable'
  | 'too-soon'
  | 'patron-blocked'
  | 'not-yours'
  | 'other';

export interface RenewResult {
  readonly ok: boolean;
  readonly itemId: string;
  readonly title?: string;
  readonly dueDate?: string;
  readonly refusal?: RenewRefusal;
  readonly screenMessages: readonly string[];
  /** Registered in the queue while offline (never: renewals need the central system; kept for symmetry). */
  readonly offline?: boolean;
  readonly raw?: string;
}

export type ItemCirculation = 'available' | 'checked-out' | 'on-hold-shelf' | 'in-transit' | 'missing' | 'lost' | 'other' | 'unknown';

export interface ItemInfo {
  readonly itemId: string;
  readonly known: boolean;
  readonly title?: string;
  readonly circulation: ItemCirculation;
  readonly dueDate?: string;
  readonly holdQueueLength?: number;
  readonly permanentLocation?: string;
  readonly currentLocation?: string;
  /** Number of parts, when the server tells (some profiles map it from a field). */
  readonly parts?: number;
  /** The patron who has it, when the server says (Koha does not by default). */
  readonly borrower?: string;
  readonly raw?: string;
}

/**
 * Why a reservation was refused. Koha often answers ok=0 without a word
 * (C4::SIP::ILS::Transaction::Hold when CanItemBeReserved says no), so the
 * kiosk finds out what it can and says `unknown` honestly otherwise.
 */
export type HoldRefusal =
  | 'not-reservable'
  | 'already-reserved'
  | 'limit-reached'
  | 'patron-blocked'
  | 'invalid-patron'
  | 'unknown-item'
  | 'unknown';

export interface HoldRequest {
  readonly cardNumber: string;
  readonly pin?: string;
  /** A copy's barcode (Koha places the title-level hold from it). */
  readonly itemId?: string;
  /** The title identifier, when the patron names a title. */
  readonly titleId?: string;
  /** Branch code where the patron picks it up. */
  readonly pickupLocation: string;
  /** Remove the hold instead of placing it (SIP2 hold mode "-"). */
  readonly cancel?: boolean;
}

export interface HoldResult {
  readonly ok: boolean;
  readonly itemId?: string;
  readonly titleId?: string;
  readonly pickupLocation?: string;
  /** The patron's place in the queue, when the server tells. */
  readonly queuePosition?: number;
  /** The copy is on the shelf now (SIP2 "available"). */
  readonly available?: boolean;
  readonly refusal?: HoldRefusal;
  readonly screenMessages: readonly string[];
  readonly raw?: string;
}

/** How much to ask about a patron. */
export interface PatronQuery {
  /** Status, PIN, permissions only: no loan or hold lists and no title look-ups (the door: one round trip). */
  readonly brief?: boolean;
}

export interface CentralSystem {
  health(): CentralHealth;
  onHealth(listener: (health: CentralHealth) => void): Unsubscribe;
  patronInformation(cardNumber: string, pin?: string, options?: PatronQuery): Promise<PatronInfo>;
  checkout(request: CheckoutRequest): Promise<CheckoutResult>;
  checkin(request: CheckinRequest): Promise<CheckinResult>;
  renew(cardNumber: string, itemId: string, pin?: string): Promise<RenewResult>;
  renewAll?(cardNumber: string, pin?: string): Promise<{ readonly renewed: string[]; readonly failed: string[] }>;
  itemInformation(itemId: string): Promise<ItemInfo>;
  /** Places (or cancels) a reservation. Never queued: it needs the central system there and then. */
  hold?(request: HoldRequest): Promise<HoldResult>;
  endSession(cardNumber: string): Promise<void>;
}
