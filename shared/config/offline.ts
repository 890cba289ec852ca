import * as z from 'zod';

/**
 * What the kiosk may do while the central system cannot be reached, and
 * how the write-ahead queue replays it later. Per branch (one kiosk file).
 */
export const offlineSchema = z.object({
  /** Lend while offline (the loans are registered when the central system is back). */
  checkout: z.boolean().default(true),
  /** Loans one patron may take while offline (not yet registered). */
  maxItemsPerPatron: z.number().int().min(0).max(100).default(5),
  /** Take returns while offline. */
  acceptReturns: z.boolean().default(true),
  /** A card number must match this (regular expression) to be served offline. */
  cardPattern: z.string().default('^[0-9]{6,20}$'),
  /** Card numbers refused offline (lost, stolen, known abuse). */
  denyList: z.array(z.string()).default([]),
  /** Offline lending requires the PIN, checked against the local cache of hashed PINs. */
  requirePin: z.boolean().default(true),
  /** Patrons seen online within this many days have their (hashed) PIN cached; 0 keeps none. */
  pinCacheDays: z.number().int().min(0).max(365).default(30),
  /** Due date of an offline loan: this many days after the loan, at 23:59 branch time. The replay sends it as SIP2 "nb due date", so the central system records the same date: use the branch's usual loan period. */
  loanDays: z.number().int().min(1).max(365).default(28),
  /** Request failures in a row that switch the kiosk to offline. */
  failuresToOffline: z.number().int().min(1).max(20).default(2),
  /** Seconds the link must stay good after a successful probe before the kiosk is online again. */
  onlineAfterSeconds: z.number().int().min(0).max(3600).default(30),
  /** Seconds between probes of the central system while offline. */
  probeSeconds: z.number().int().min(1).max(3600).default(15),
  /** Replay at most this many transactions per second. */
  replayPerSecond: z.number().positive().max(1000).default(5),
  /** First and longest wait between failed replay rounds (doubling in between). */
  backoffSeconds: z.number().positive().default(5),
  maxBackoffSeconds: z.number().positive().default(300),
  /** After a request went unanswered, wait this long before asking the server whether it happened (a slow server may still apply it). */
  settleSeconds: z.number().min(0).max(3600).default(30),
  /** Done transactions older than this are pruned; conflicts stay until staff mark them handled. */
  retentionDays: z.number().int().min(1).max(3650).default(90),
});

export type OfflinePolicy = z.infer<typeof offlineSchema>;
