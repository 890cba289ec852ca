import type { CheckoutRefusal, HoldRefusal, RenewRefusal } from '../../../shared/domain/central.ts';
import { PATRON_STATUS_FLAGS, type PatronStatusFlag } from './codec/responses.ts';

/**
 * How one ACS differs from the spec, as data. The client and the mapping to
 * domain results read these fields; there is no `if (koha)` anywhere else.
 */
export interface Sip2Profile {
  readonly name: 'generic' | 'koha' | 'koha-legacy';
  /** What we end our messages with (we accept CR, CRLF and a leading LF from every server). */
  readonly terminator: '\r' | '\r\n';
  /** How '|' inside a value is written (Koha: "&#124;"); undefined: refused. */
  readonly pipeEscape?: string;
  /**
   * What an offline checkout's "nb due date" carries: the due date the kiosk
   * gave the patron (the SIP2 spec; Koha since bug 32934, which records it as
   * the loan's due date), or the checkout's original time (older Koha, which
   * then applies its own loan period: set offline.loanDays to match).
   */
  readonly nbDueDate: 'promised-due-date' | 'transaction-time';
  /** CY holds the hold patron's card number (Koha) rather than an internal id. */
  readonly holdPatronIdIsCard: boolean;
  /** Text the ACS prefixes to AF that the patron should not see. */
  readonly screenMessagePrefixes: readonly string[];
  /** The ACS answers CQ=Y to an empty PIN (Koha can): the kiosk must refuse empty PINs itself. */
  readonly acceptsEmptyPin: boolean;
  /** Patron status flags that stop borrowing (hold/renewal/recall denied alone do not). */
  readonly borrowBlockingFlags: readonly PatronStatusFlag[];
  /** AF texts that explain a refused checkout, first match wins. */
  readonly checkoutRefusals: readonly { readonly pattern: RegExp; readonly reason: CheckoutRefusal }[];
  /** AF texts that explain a refused renewal, first match wins. */
  readonly renewRefusals: readonly { readonly pattern: RegExp; readonly reason: RenewRefusal }[];
  /** AF texts that explain a refused hold, first match wins (none matching: the kiosk asks further). */
  readonly holdRefusals: readonly { readonly pattern: RegExp; readonly reason: HoldRefusal }[];
  /** Extension fields with patron data. */
  readonly patronFields: { readonly birthDate: string; readonly category: string; readonly expiry: string; readonly meroppet?: string };
}

/** Every status flag stops borrowing except these: denied renewals, recalls or holds alone still let a patron borrow. */
const NOT_BLOCKING: readonly PatronStatusFlag[] = [
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'tooManyRenewals',
];
const BLOCKING: readonly PatronStatusFlag[] = PATRON_STATUS_FLAGS.filter((flag) => !NOT_BLOCKING.includes(flag));

export const genericProfile: Sip2Profile = {
  name: 'generic',
  terminator: '\r',
  nbDueDate: 'promised-due-date',
  holdPatronIdIsCard: false,
  screenMessagePrefixes: [],
  acceptsEmptyPin: false,
  borrowBlockingFlags: BLOCKING,
  checkoutRefusals: [
    { pattern: /already checked out to you|already charged to you/i, reason: 'already-yours' },
    { pattern: /hold|reserved/i, reason: 'on-hold-for-other' },
    { pattern: /not for loan|non-circulating/i, reason: 'not-for-loan' },
    { pattern: /checked out to another|charged to another/i, reason: 'checked-out-to-other' },
    { pattern: /too many|limit/i, reason: 'limit-reached' },
    { pattern: /invalid item|unknown item|item not found/i, reason: 'unknown-item' },
    { pattern: /blocked|barred|expired|fines/i, reason: 'patron-blocked' },
  ],
  renewRefusals: [
    { pattern: /hold|reserved|recall/i, reason: 'on-hold-for-other' },
    { pattern: /maximum|too many|renewal limit/i, reason: 'too-many-renewals' },
    { pattern: /too soon|too early/i, reason: 'too-soon' },
    { pattern: /not (checked|charged) out to|another (patron|borrower)/i, reason: 'not-yours' },
    { pattern: /blocked|barred|expired|fines|restrict/i, reason: 'patron-blocked' },
    { pattern: /not allowed|cannot be renewed|not renewable/i, reason: 'not-renewable' },
  ],
  holdRefusals: [
    { pattern: /already (on hold|reserved|has a hold)|duplicate hold/i, reason: 'already-reserved' },
    { pattern: /too many|limit/i, reason: 'limit-reached' },
    {
      pattern: /not (be )?(reservable|holdable)|cannot be (reserved|held|transferred)|non-circulating|not for loan/i,
      reason: 'not-reservable',
    },
    { pattern: /invalid patron|patron not found|unknown patron/i, reason: 'invalid-patron' },
    { pattern: /no such item|item not found|invalid item|no (biblio|bibliographic) record/i, reason: 'unknown-item' },
    { pattern: /blocked|barred|expired|fines|fees/i, reason: 'patron-blocked' },
  ],
  patronFields: { birthDate: 'PB', category: 'PC', expiry: 'PA' },
};

/**
 * Koha's SIP server (C4/SIP). Screen messages are Koha's own: the
 * CanBookBeIssued keys pass through as AF (NOT_FOR_LOAN, TOO_MANY_CHECKOUTS,
 * AGE_RESTRICTION...), plus the texts of C4/SIP/ILS/Transaction/Checkout.pm.
 */
export const kohaProfile: Sip2Profile = {
  name: 'koha',
  terminator: '\r\n',
  pipeEscape: '&#124;',
  nbDueDate: 'promised-due-date',
  holdPatronIdIsCard: true,
  screenMessagePrefixes: ['Greetings from Koha.'],
  acceptsEmptyPin: true,
  borrowBlockingFlags: BLOCKING,
  checkoutRefusals: [
    { pattern: /already checked out to you|RENEW_ISSUE/i, reason: 'already-yours' },
    {
      pattern: /on hold for another patron|on hold shelf for another patron|reserved for another patron|RESERVE_WAITING|RESERVED/,
      reason: 'on-hold-for-other',
    },
    { pattern: /NOT_FOR_LOAN|not for loan/i, reason: 'not-for-loan' },
    { pattern: /checked out to another patron|ISSUED_TO_ANOTHER/, reason: 'checked-out-to-other' },
    { pattern: /TOO_MANY|too many/i, reason: 'limit-reached' },
    { pattern: /Invalid Item|UNKNOWN_BARCODE|NO_ITEM/i, reason: 'unknown-item' },
    { pattern: /Patron (is )?Blocked|DEBARRED|USERBLOCKED|GNA|CARD_LOST|EXPIRED|DEBT|AGE_RESTRICTION/i, reason: 'patron-blocked' },
  ],
  // C4/SIP/ILS/Transaction/Renew.pm words CanBookBeRenewed's codes; the rest pass through as the bare code.
  renewRefusals: [
    { pattern: /outstanding holds|on_reserve|recalled/i, reason: 'on-hold-for-other' },
    { pattern: /maximum renewals|maximum consecutive renewals|too_many|too_unseen/i, reason: 'too-many-renewals' },
    { pattern: /too_soon|auto_too_soon/i, reason: 'too-soon' },
    { pattern: /issued to other borrower|item_issued_to_other_patron|not checked out/i, reason: 'not-yours' },
    { pattern: /restriction|overdue|debarred|auto_account_expired|too_much_oweing/i, reason: 'patron-blocked' },
    { pattern: /renewal is not allowed|item_denied_renewal|onsite_checkout|auto_renew/i, reason: 'not-renewable' },
  ],
  // The texts of C4/SIP/ILS.pm add_hold and ILS/Transaction/Hold.pm do_hold; CanItemBeReserved refusals come without any.
  holdRefusals: [
    { pattern: /^Invalid Patron/i, reason: 'invalid-patron' },
    { pattern: /No such item|No biblio record matches/i, reason: 'unknown-item' },
    { pattern: /Excessive fees blocking|Fee required to place hold/i, reason: 'patron-blocked' },
    { pattern: /Item cannot be transferred/i, reason: 'not-reservable' },
  ],
  patronFields: { birthDate: 'PB', category: 'PC', expiry: 'PA', meroppet: 'ZM' },
};

/** Koha before bug 32934: reads an offline checkout's time from "nb due date" and sets the due date by its own rules. */
export const kohaLegacyProfile: Sip2Profile = { ...kohaProfile, name: 'koha-legacy', nbDueDate: 'transaction-time' };

export const PROFILES: Readonly<Record<Sip2Profile['name'], Sip2Profile>> = {
  generic: genericProfile,
  koha: kohaProfile,
  'koha-legacy': kohaLegacyProfile,
};

/** Removes the profile's greeting prefixes and empty messages. */
export function cleanScreenMessages(profile: Sip2Profile, messages: readonly string[]): string[] {
  return messages
    .map((m) => profile.screenMessagePrefixes.reduce((s, p) => (s.startsWith(p) ? s.slice(p.length) : s), m).trim())
    .filter((m) => m !== '');
}
