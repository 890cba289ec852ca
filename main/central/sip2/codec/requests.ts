import { BLANK_DATE, formatSipDate, sipDateFromWallClock } from './date.ts';
import type { SipField, SipMessage } from './message.ts';

/** Builders for every request a self-service terminal sends (SC -> ACS). */
export interface RequestContext {
  readonly institution: string;
  readonly terminalPassword?: string;
  readonly now: Date;
  readonly timeZone?: string;
}

const yn = (b: boolean | undefined) => (b ? 'Y' : 'N');
const opt = (id: string, value: string | undefined): SipField[] => (value === undefined ? [] : [{ id, value }]);
const date = (ctx: RequestContext, d?: Date) => formatSipDate(d ?? ctx.now, ctx.timeZone);
const ac = (ctx: RequestContext): SipField => ({ id: 'AC', value: ctx.terminalPassword ?? '' });

export function loginRequest(user: string, password: string, location?: string): SipMessage {
  return {
    code: '93',
    fixed: { uidAlgorithm: '0', pwdAlgorithm: '0' },
    fields: [{ id: 'CN', value: user }, { id: 'CO', value: password }, ...opt('CP', location)],
  };
}

export function scStatusRequest(statusCode: '0' | '1' | '2' = '0', maxPrintWidth = 80): SipMessage {
  return { code: '99', fixed: { statusCode, maxPrintWidth: String(maxPrintWidth).padStart(3, '0'), protocolVersion: '2.00' }, fields: [] };
}

export function resendRequest(): SipMessage {
  return { code: '97', fixed: {}, fields: [] };
}

export function patronStatusRequest(ctx: RequestContext, patron: string, pin?: string): SipMessage {
  return {
    code: '23',
    fixed: { language: '000', transactionDate: date(ctx) },
    fields: [{ id: 'AO', value: ctx.institution }, { id: 'AA', value: patron }, ac(ctx), { id: 'AD', value: pin ?? '' }],
  };
}

export type SummaryKind = 'hold' | 'overdue' | 'charged' | 'fine' | 'recall' | 'unavailable';
const SUMMARY: readonly SummaryKind[] = ['hold', 'overdue', 'charged', 'fine', 'recall', 'unavailable'];

export interface PatronInformationOptions {
  readonly pin?: string;
  /** Which list to return (one at a time, by the spec). */
  readonly summary?: SummaryKind;
  readonly start?: number;
  readonly end?: number;
}

export function patronInformationRequest(ctx: RequestContext, patron: string, o: PatronInformationOptions = {}): SipMessage {
  const summary = SUMMARY.map((k) => (k === o.summary ? 'Y' : ' '))
    .join('')
    .padEnd(10, ' ');
  return {
    code: '63',
    fixed: { language: '000', transactionDate: date(ctx), summary },
    fields: [
      { id: 'AO', value: ctx.institution },
      { id: 'AA', value: patron },
      ac(ctx),
      ...opt('AD', o.pin),
      ...opt('BP', o.start === undefined ? undefined : String(o.start)),
      ...opt('BQ', o.end === undefined ? undefined : String(o.end)),
    ],
  };
}

export interface CheckoutOptions {
  readonly patron: string;
  readonly item: string;
  readonly pin?: string;
  readonly renewalAllowed?: boolean;
  readonly noBlock?: boolean;
  /** The original time of an offline transaction (default: now). */
  readonly transactionDate?: Date;
  /** An instant, or a wall-clock "YYYY-MM-DD[THH:MM:SS]" of the branch (a due date the patron was shown). */
  readonly nbDueDate?: Date | string;
  readonly feeAcknowledged?: boolean;
  readonly cancel?: boolean;
}

export function checkoutRequest(ctx: RequestContext, o: CheckoutOptions): SipMessage {
  return {
    code: '11',
    fixed: {
      scRenewalPolicy: yn(o.renewalAllowed),
      noBlock: yn(o.noBlock),
      transactionDate: date(ctx, o.transactionDate),
      nbDueDate:
        o.nbDueDate === undefined
          ? BLANK_DATE
          : typeof o.nbDueDate === 'string'
            ? sipDateFromWallClock(o.nbDueDate)
            : formatSipDate(o.nbDueDate, ctx.timeZone),
    },
    fields: [
      { id: 'AO', value: ctx.institution },
      { id: 'AA', value: o.patron },
      { id: 'AB', value: o.item },
      ac(ctx),
      ...opt('AD', o.pin),
      ...opt('BO', o.feeAcknowledged === undefined ? undefined : yn(o.feeAcknowledged)),
      ...opt('BI', o.cancel === undefined ? undefined : yn(o.cancel)),
    ],
  };
}

export interface CheckinOptions {
  readonly item: string;
  readonly location: string;
  readonly noBlock?: boolean;
  readonly transactionDate?: Date;
  readonly returnDate?: Date;
  readonly cancel?: boolean;
}

export function checkinRequest(ctx: RequestContext, o: CheckinOptions): SipMessage {
  return {
    code: '09',
    fixed: {
      noBlock: yn(o.noBlock),
      transactionDate: date(ctx, o.transactionDate),
      returnDate: date(ctx, o.returnDate ?? o.transactionDate),
    },
    fields: [
      { id: 'AP', value: o.location },
      { id: 'AO', value: ctx.institution },
      { id: 'AB', value: o.item },
      ac(ctx),
      ...opt('BI', o.cancel === undefined ? undefined : yn(o.cancel)),
    ],
  };
}

export interface RenewOptions {
  readonly patron: string;
  readonly item: string;
  readonly pin?: string;
  readonly noBlock?: boolean;
  readonly transactionDate?: Date;
  readonly nbDueDate?: Date;
}

export function renewRequest(ctx: RequestContext, o: RenewOptions): SipMessage {
  return {
    code: '29',
    fixed: {
      thirdPartyAllowed: 'N',
      noBlock: yn(o.noBlock),
      transactionDate: date(ctx, o.transactionDate),
      nbDueDate: o.nbDueDate ? formatSipDate(o.nbDueDate, ctx.timeZone) : BLANK_DATE,
    },
    fields: [
      { id: 'AO', value: ctx.institution },
      { id: 'AA', value: o.patron },
      ...opt('AD', o.pin),
      { id: 'AB', value: o.item },
      ac(ctx),
    ],
  };
}

export function renewAllRequest(ctx: RequestContext, patron: string, pin?: string): SipMessage {
  return {
    code: '65',
    fixed: { transactionDate: date(ctx) },
    fields: [{ id: 'AO', value: ctx.institution }, { id: 'AA', value: patron }, ...opt('AD', pin), ac(ctx)],
  };
}

export function itemInformationRequest(ctx: RequestContext, item: string): SipMessage {
  return {
    code: '17',
    fixed: { transactionDate: date(ctx) },
    fields: [{ id: 'AO', value: ctx.institution }, { id: 'AB', value: item }, ac(ctx)],
  };
}

export function endSessionRequest(ctx: RequestContext, patron: string, pin?: string): SipMessage {
  return {
    code: '35',
    fixed: { transactionDate: date(ctx) },
    fields: [{ id: 'AO', value: ctx.institution }, { id: 'AA', value: patron }, ac(ctx), ...opt('AD', pin)],
  };
}

export interface FeePaidOptions {
  readonly patron: string;
  readonly amount: string;
  readonly currency: string;
  readonly feeType?: string;
  readonly paymentType?: string;
  readonly feeId?: string;
  readonly transactionId?: string;
}

export function feePaidRequest(ctx: RequestContext, o: FeePaidOptions): SipMessage {
  return {
    code: '37',
    fixed: {
      transactionDate: date(ctx),
      feeType: o.feeType ?? '01',
      paymentType: o.paymentType ?? '00',
      currencyType: o.currency.padEnd(3).slice(0, 3),
    },
    fields: [
      { id: 'BV', value: o.amount },
      { id: 'AO', value: ctx.institution },
      { id: 'AA', value: o.patron },
      ac(ctx),
      ...opt('CG', o.feeId),
      ...opt('BK', o.transactionId),
    ],
  };
}

/** SIP2 hold modes: "+" add, "-" delete, "*" change. */
export type HoldMode = 'add' | 'cancel' | 'change';
const HOLD_MODE: Readonly<Record<HoldMode, string>> = { add: '+', cancel: '-', change: '*' };

/** SIP2 hold types (BY): 1 other, 2 any copy of a title, 3 a specific copy, 4 any copy at a single branch. */
export type HoldType = '1' | '2' | '3' | '4';

export interface HoldOptions {
  readonly mode: HoldMode;
  readonly patron: string;
  readonly pin?: string;
  /** AB: the copy (Koha places a title-level hold from any copy's barcode). */
  readonly item?: string;
  /** AJ: the title identifier. */
  readonly title?: string;
  /** BS: the branch where the patron wants to pick it up. */
  readonly pickupLocation?: string;
  /** BW: when the hold lapses if not filled. */
  readonly expiration?: Date;
  readonly holdType?: HoldType;
  readonly feeAcknowledged?: boolean;
}

/** 15 Hold, fields in the order of the 3M spec: BW BS BY AO AA AD AB AJ AC BO. */
export function holdRequest(ctx: RequestContext, o: HoldOptions): SipMessage {
  return {
    code: '15',
    fixed: { holdMode: HOLD_MODE[o.mode], transactionDate: date(ctx) },
    fields: [
      ...opt('BW', o.expiration ? formatSipDate(o.expiration, ctx.timeZone) : undefined),
      ...opt('BS', o.pickupLocation),
      ...opt('BY', o.holdType),
      { id: 'AO', value: ctx.institution },
      { id: 'AA', value: o.patron },
      ...opt('AD', o.pin),
      ...opt('AB', o.item),
      ...opt('AJ', o.title),
      ac(ctx),
      ...opt('BO', o.feeAcknowledged === undefined ? undefined : yn(o.feeAcknowledged)),
    ],
  };
}
