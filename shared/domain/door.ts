/**
 * Why the door said no, from the decision through the entry log to the
 * door screen (which words each one from the catalogs: door.reason.<code>).
 * A new reason is one line here and its words in every catalog.
 */
export const DENIAL_REASONS = [
  'outside-hours',
  'no-permission',
  'under-age',
  'card-invalid',
  'card-lost',
  'card-expired',
  'blocked',
  'fines',
  'wrong-pin',
  'empty-pin',
  'locked-out',
  'unknown-patron',
  'offline',
  'timeout',
  /** On-call staff locked the door down (staff API). */
  'lockdown',
  /** The card let more people in than it opened for, too often (people counter). */
  'tailgating',
  /** The lock relay is missing or failed: no card is taken. */
  'out-of-order',
  'error',
] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

export const isDenialReason = (value: string): value is DenialReason => (DENIAL_REASONS as readonly string[]).includes(value);
