import type { PatronInfo } from '../../../shared/domain/central.ts';

/** A patron as the central system answers for the door: adult, meröppet permission, nothing owed; override what a test needs. */
export const patron = (over: Partial<PatronInfo> = {}): PatronInfo => ({
  cardNumber: '1',
  name: 'A B',
  valid: true,
  pinValid: true,
  mayBorrow: true,
  blockReasons: [],
  fines: { amount: 0, currency: 'SEK' },
  birthDate: '1980-01-01',
  category: 'ADULT',
  screenMessages: [],
  loans: [],
  holdsReady: [],
  holdsPending: [],
  overdueCount: 0,
  extra: { meroppet: 'Y' },
  ...over,
});
