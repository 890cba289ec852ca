import * as z from 'zod';

export const policiesSchema = z.object({
  /** Ask for the PIN at the self-service terminal. Empty PINs are always refused. */
  pinRequired: z.boolean().default(true),
  /** Seconds of no touch or key before the session ends (a countdown shows for the last idleWarningSeconds). */
  idleTimeoutSeconds: z.number().int().min(10).max(900).default(60),
  /**
   * Seconds the countdown is shown before the idle timeout ends a session. EN 301 549 / WCAG 2.2.1 ask
   * for at least 20 seconds to answer a time-limit warning: keep it at 20 or more.
   */
  idleWarningSeconds: z.number().int().min(3).max(60).default(20),
  receipt: z.enum(['print', 'ask', 'none', 'email']).default('ask'),
  sounds: z.boolean().default(true),
  /** What the hold-shelf label shows of the waiting patron (privacy): the card's last four digits, initials, or the full name. */
  holdLabel: z.enum(['card-last4', 'initials', 'name']).default('card-last4'),
  /** When an item's tag cannot be released after a loan, check the loan back in (else: the patron is sent to staff). */
  checkInOnSecurityFailure: z.boolean().default(false),
  /**
   * Patron PIN attempts, one limit for the self-service screens and the
   * door together: after `wrong` wrong PINs within `windowMinutes` the card
   * is refused at both until the oldest of them is that old. Counted on
   * disk before the PIN is checked (online or offline).
   */
  pinAttempts: z
    .object({
      wrong: z.number().int().min(1).max(20).default(5),
      windowMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(15),
    })
    .prefault({}),
});
