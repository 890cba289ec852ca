/**
 * The SIP2 message catalogue as data: for each command code its name and
 * the fixed-length fields that follow the code, in order, with widths
 * (3M SIP2 2.00, sections "Messages"). Variable fields are in fields.ts.
 */
export interface FixedField {
  readonly name: string;
  readonly width: number;
}

export interface MessageSpec {
  readonly code: string;
  readonly name: string;
  readonly fixed: readonly FixedField[];
}

const f = (name: string, width: number): FixedField => ({ name, width });
const date = (name = 'transactionDate') => f(name, 18);

const list: MessageSpec[] = [
  { code: '93', name: 'Login', fixed: [f('uidAlgorithm', 1), f('pwdAlgorithm', 1)] },
  { code: '94', name: 'Login Response', fixed: [f('ok', 1)] },
  { code: '99', name: 'SC Status', fixed: [f('statusCode', 1), f('maxPrintWidth', 3), f('protocolVersion', 4)] },
  {
    code: '98',
    name: 'ACS Status',
    fixed: [
      f('onlineStatus', 1),
      f('checkinOk', 1),
      f('checkoutOk', 1),
      f('acsRenewalPolicy', 1),
      f('statusUpdateOk', 1),
      f('offlineOk', 1),
      f('timeoutPeriod', 3),
      f('retriesAllowed', 3),
      date('dateTimeSync'),
      f('protocolVersion', 4),
    ],
  },
  { code: '23', name: 'Patron Status Request', fixed: [f('language', 3), date()] },
  { code: '24', name: 'Patron Status Response', fixed: [f('patronStatus', 14), f('language', 3), date()] },
  { code: '63', name: 'Patron Information', fixed: [f('language', 3), date(), f('summary', 10)] },
  {
    code: '64',
    name: 'Patron Information Response',
    fixed: [
      f('patronStatus', 14),
      f('language', 3),
      date(),
      f('holdItemsCount', 4),
      f('overdueItemsCount', 4),
      f('chargedItemsCount', 4),
      f('fineItemsCount', 4),
      f('recallItemsCount', 4),
      f('unavailableHoldsCount', 4),
    ],
  },
  { code: '11', name: 'Checkout', fixed: [f('scRenewalPolicy', 1), f('noBlock', 1), date(), date('nbDueDate')] },
  { code: '12', name: 'Checkout Response', fixed: [f('ok', 1), f('renewalOk', 1), f('magneticMedia', 1), f('desensitize', 1), date()] },
  { code: '09', name: 'Checkin', fixed: [f('noBlock', 1), date(), date('returnDate')] },
  { code: '10', name: 'Checkin Response', fixed: [f('ok', 1), f('resensitize', 1), f('magneticMedia', 1), f('alert', 1), date()] },
  { code: '29', name: 'Renew', fixed: [f('thirdPartyAllowed', 1), f('noBlock', 1), date(), date('nbDueDate')] },
  { code: '30', name: 'Renew Response', fixed: [f('ok', 1), f('renewalOk', 1), f('magneticMedia', 1), f('desensitize', 1), date()] },
  { code: '65', name: 'Renew All', fixed: [date()] },
  { code: '66', name: 'Renew All Response', fixed: [f('ok', 1), f('renewedCount', 4), f('unrenewedCount', 4), date()] },
  { code: '17', name: 'Item Information', fixed: [date()] },
  {
    code: '18',
    name: 'Item Information Response',
    fixed: [f('circulationStatus', 2), f('securityMarker', 2), f('feeType', 2), date()],
  },
  { code: '35', name: 'End Patron Session', fixed: [date()] },
  { code: '36', name: 'End Session Response', fixed: [f('endSession', 1), date()] },
  { code: '37', name: 'Fee Paid', fixed: [date(), f('feeType', 2), f('paymentType', 2), f('currencyType', 3)] },
  { code: '38', name: 'Fee Paid Response', fixed: [f('paymentAccepted', 1), date()] },
  { code: '15', name: 'Hold', fixed: [f('holdMode', 1), date()] },
  { code: '16', name: 'Hold Response', fixed: [f('ok', 1), f('available', 1), date()] },
  { code: '97', name: 'Request ACS Resend', fixed: [] },
  { code: '96', name: 'Request SC Resend', fixed: [] },
];

export const MESSAGES: ReadonlyMap<string, MessageSpec> = new Map(list.map((m) => [m.code, m]));

/** Total width of each command's fixed part, computed once. */
export const FIXED_WIDTH: ReadonlyMap<string, number> = new Map(list.map((m) => [m.code, m.fixed.reduce((n, x) => n + x.width, 0)]));

/** Which response answers which request (used by the client to check it got the right kind). */
export const RESPONSE_OF: Readonly<Record<string, string>> = {
  '93': '94',
  '99': '98',
  '23': '24',
  '63': '64',
  '11': '12',
  '09': '10',
  '29': '30',
  '65': '66',
  '17': '18',
  '35': '36',
  '37': '38',
  '15': '16',
};
