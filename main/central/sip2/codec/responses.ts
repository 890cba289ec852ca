import { readSipDate } from './date.ts';
import { type DecodedMessage, fieldValue, fieldValues } from './message.ts';

/** Typed views of the responses a terminal receives (ACS -> SC). Pure reads of a decoded message. */
const isY = (v: string | undefined) => v === 'Y' || v === '1';
const num = (v: string | undefined) => {
  const n = Number.parseInt((v ?? '').trim(), 10);
  return Number.isFinite(n) ? n : 0;
};
const money = (v: string | undefined) => {
  const n = Number.parseFloat((v ?? '').replace(/[^0-9.,-]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : 0;
};
const opt = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: string };
/** The optional fields of a response that are there and not empty, in one object (one spread, not one per field). */
const present = <T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } => {
  const out: Record<string, string> = {};
  for (const key in values) {
    const value = values[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out as { [K in keyof T]?: string };
};

export interface Common {
  readonly screenMessages: string[];
  readonly printLines: string[];
  readonly raw: string;
}
const common = (m: DecodedMessage): Common => {
  const screenMessages: string[] = [];
  const printLines: string[] = [];
  for (const f of m.fields) {
    if (f.id === 'AF') {
      if (f.value !== '') screenMessages.push(f.value);
    } else if (f.id === 'AG') printLines.push(f.value);
  }
  return { screenMessages, printLines, raw: m.text };
};

export const parseLoginResponse = (m: DecodedMessage) => ({ ok: m.fixed.ok === '1', raw: m.text });

export function parseAcsStatus(m: DecodedMessage) {
  return {
    online: isY(m.fixed.onlineStatus),
    checkinOk: isY(m.fixed.checkinOk),
    checkoutOk: isY(m.fixed.checkoutOk),
    renewalPolicy: isY(m.fixed.acsRenewalPolicy),
    offlineOk: isY(m.fixed.offlineOk),
    /** Seconds (tenths in the spec); 0 or 999 mean "no timeout". */
    timeoutTenths: num(m.fixed.timeoutPeriod),
    retriesAllowed: num(m.fixed.retriesAllowed),
    dateTimeSync: readSipDate(m.fixed.dateTimeSync ?? ''),
    protocolVersion: m.fixed.protocolVersion ?? '',
    institution: fieldValue(m, 'AO') ?? '',
    libraryName: fieldValue(m, 'AM') ?? '',
    supportedMessages: fieldValue(m, 'BX') ?? '',
    ...common(m),
  };
}

/** The 14 patron status flags, in spec order; "Y" at index i means the condition holds. */
export const PATRON_STATUS_FLAGS = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyRenewals',
  'tooManyClaimsOfItemsReturned',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
] as const;
export type PatronStatusFlag = (typeof PATRON_STATUS_FLAGS)[number];

export function readPatronStatus(status: string): PatronStatusFlag[] {
  return PATRON_STATUS_FLAGS.filter((_, i) => status[i] === 'Y');
}

export type PatronInformationResponse = ReturnType<typeof parsePatronInformation>;

export function parsePatronInformation(m: DecodedMessage) {
  const f = m.fixed;
  return {
    statusFlags: readPatronStatus(f.patronStatus ?? ''),
    patronStatus: f.patronStatus ?? '',
    language: f.language ?? '',
    transactionDate: readSipDate(f.transactionDate ?? ''),
    counts: {
      hold: num(f.holdItemsCount),
      overdue: num(f.overdueItemsCount),
      charged: num(f.chargedItemsCount),
      fine: num(f.fineItemsCount),
      recall: num(f.recallItemsCount),
      unavailableHold: num(f.unavailableHoldsCount),
    },
    institution: fieldValue(m, 'AO') ?? '',
    patronIdentifier: fieldValue(m, 'AA') ?? '',
    personalName: fieldValue(m, 'AE') ?? '',
    /** BL; a 24 response may omit it. */
    validPatron: isY(fieldValue(m, 'BL')),
    validPatronPassword: isY(fieldValue(m, 'CQ')),
    currency: fieldValue(m, 'BH') ?? '',
    feeAmount: money(fieldValue(m, 'BV')),
    feeLimit: fieldValue(m, 'CC') === undefined ? undefined : money(fieldValue(m, 'CC')),
    limits: { hold: fieldValue(m, 'BZ'), overdue: fieldValue(m, 'CA'), charged: fieldValue(m, 'CB') },
    holdItems: fieldValues(m, 'AS'),
    overdueItems: fieldValues(m, 'AT'),
    chargedItems: fieldValues(m, 'AU'),
    fineItems: fieldValues(m, 'AV'),
    recallItems: fieldValues(m, 'BU'),
    unavailableHoldItems: fieldValues(m, 'CD'),
    ...present({
      homeAddress: fieldValue(m, 'BD'),
      email: fieldValue(m, 'BE'),
      phone: fieldValue(m, 'BF'),
      homeLibrary: fieldValue(m, 'AQ'),
      birthDate: fieldValue(m, 'PB'),
      patronType: fieldValue(m, 'PC'),
      expirationDate: fieldValue(m, 'PA'),
    }),
    ...common(m),
  };
}

export type CheckoutResponse = ReturnType<typeof parseCheckout>;

/** 12 and 30 share their layout. */
export function parseCheckout(m: DecodedMessage) {
  return {
    ok: m.fixed.ok === '1',
    renewalOk: isY(m.fixed.renewalOk),
    magneticMedia: m.fixed.magneticMedia === 'Y' ? true : m.fixed.magneticMedia === 'N' ? false : undefined,
    desensitize: isY(m.fixed.desensitize),
    transactionDate: readSipDate(m.fixed.transactionDate ?? ''),
    patronIdentifier: fieldValue(m, 'AA') ?? '',
    itemIdentifier: fieldValue(m, 'AB') ?? '',
    ...present({
      title: fieldValue(m, 'AJ'),
      dueDate: readSipDate(fieldValue(m, 'AH') ?? ''),
      feeType: fieldValue(m, 'BT'),
      feeAmount: fieldValue(m, 'BV'),
      mediaType: fieldValue(m, 'CK'),
      transactionId: fieldValue(m, 'BK'),
    }),
    ...common(m),
  };
}
export const parseRenew = parseCheckout;

export type CheckinResponse = ReturnType<typeof parseCheckin>;

export function parseCheckin(m: DecodedMessage) {
  return {
    ok: m.fixed.ok === '1',
    resensitize: isY(m.fixed.resensitize),
    magneticMedia: m.fixed.magneticMedia === 'Y' ? true : m.fixed.magneticMedia === 'N' ? false : undefined,
    alert: isY(m.fixed.alert),
    transactionDate: readSipDate(m.fixed.transactionDate ?? ''),
    itemIdentifier: fieldValue(m, 'AB') ?? '',
    ...present({
      permanentLocation: fieldValue(m, 'AQ'),
      title: fieldValue(m, 'AJ'),
      sortBin: fieldValue(m, 'CL'),
      patronIdentifier: fieldValue(m, 'AA'),
      mediaType: fieldValue(m, 'CK'),
      collectionCode: fieldValue(m, 'CR'),
      callNumber: fieldValue(m, 'CS'),
      destinationLocation: fieldValue(m, 'CT'),
      alertType: fieldValue(m, 'CV'),
      holdPatronId: fieldValue(m, 'CY'),
      holdPatronName: fieldValue(m, 'DA'),
    }),
    ...common(m),
  };
}

export function parseRenewAll(m: DecodedMessage) {
  return {
    ok: m.fixed.ok === '1',
    renewedCount: num(m.fixed.renewedCount),
    unrenewedCount: num(m.fixed.unrenewedCount),
    renewed: fieldValues(m, 'BM'),
    unrenewed: fieldValues(m, 'BN'),
    ...common(m),
  };
}

/** Circulation status codes 01..13 of the 18 response. */
export const CIRCULATION_STATUS: Readonly<Record<string, string>> = {
  '01': 'other',
  '02': 'on-order',
  '03': 'available',
  '04': 'charged',
  '05': 'charged-recall-pending',
  '06': 'in-process',
  '07': 'recalled',
  '08': 'waiting-on-hold-shelf',
  '09': 'waiting-to-be-reshelved',
  '10': 'in-transit',
  '11': 'claimed-returned',
  '12': 'lost',
  '13': 'missing',
};

export type ItemInformationResponse = ReturnType<typeof parseItemInformation>;

export function parseItemInformation(m: DecodedMessage) {
  const status = m.fixed.circulationStatus ?? '';
  return {
    circulationStatus: status,
    circulation: CIRCULATION_STATUS[status] ?? 'other',
    securityMarker: m.fixed.securityMarker ?? '',
    feeType: m.fixed.feeType ?? '',
    itemIdentifier: fieldValue(m, 'AB') ?? '',
    title: fieldValue(m, 'AJ') ?? '',
    ...present({
      dueDate: readSipDate(fieldValue(m, 'AH') ?? ''),
      holdQueueLength: fieldValue(m, 'CF'),
      permanentLocation: fieldValue(m, 'AQ'),
      currentLocation: fieldValue(m, 'AP'),
      mediaType: fieldValue(m, 'CK'),
      itemProperties: fieldValue(m, 'CH'),
      owner: fieldValue(m, 'BG'),
      patronIdentifier: fieldValue(m, 'AA'),
    }),
    ...common(m),
  };
}

export const parseEndSession = (m: DecodedMessage) => ({ ended: isY(m.fixed.endSession), ...common(m) });
export const parseFeePaid = (m: DecodedMessage) => ({
  accepted: isY(m.fixed.paymentAccepted),
  ...opt('transactionId', fieldValue(m, 'BK')),
  ...common(m),
});

export type HoldResponse = ReturnType<typeof parseHold>;

/** 16 Hold Response: ok, available, and (when ok) expiration, queue position, pickup location. */
export function parseHold(m: DecodedMessage) {
  const queue = fieldValue(m, 'BR');
  return {
    ok: m.fixed.ok === '1',
    available: isY(m.fixed.available),
    transactionDate: readSipDate(m.fixed.transactionDate ?? ''),
    patronIdentifier: fieldValue(m, 'AA') ?? '',
    institution: fieldValue(m, 'AO') ?? '',
    ...(queue === undefined || queue.trim() === '' ? {} : { queuePosition: num(queue) }),
    ...present({
      expirationDate: readSipDate(fieldValue(m, 'BW') ?? ''),
      pickupLocation: fieldValue(m, 'BS'),
      itemIdentifier: fieldValue(m, 'AB'),
      titleIdentifier: fieldValue(m, 'AJ'),
    }),
    ...common(m),
  };
}
