import * as z from 'zod';

/**
 * Per-screen data of the self-service session (KioskView.data), projected
 * in main from the session, check-out and return machines. Reason and
 * status values are catalog codes; the renderer words them.
 */
export const itemLineSchema = z.object({
  key: z.string(),
  itemId: z.string(),
  title: z.string().optional(),
  /** The title cannot be known now (offline, and the kiosk has not seen this item before): said in words. */
  titleUnknown: z.boolean().optional(),
  /** waiting: on the pad, not yet processed; incomplete: parts missing; see-staff: done but needs a person. */
  status: z.enum(['waiting', 'processing', 'done', 'refused', 'incomplete', 'see-staff']),
  dueDate: z.string().optional(),
  reason: z.string().optional(),
  partsInSet: z.number().int().optional(),
  partsPresent: z.number().int().optional(),
  /** Return only: where the item goes next. */
  route: z
    .object({
      kind: z.enum(['shelf', 'hold-shelf', 'transit', 'staff']),
      destination: z.string().optional(),
      label: z.string().optional(),
      sortBin: z.string().optional(),
    })
    .optional(),
  /** Check-out refusal "already yours": the patron may renew it instead. */
  canRenew: z.boolean().optional(),
  offline: z.boolean().optional(),
});
export type ItemLine = z.infer<typeof itemLineSchema>;

export const sessionDataSchema = z.object({
  /** First name or nothing (privacy): shown as "Hello, Anna". */
  patronName: z.string().optional(),
  error: z.string().optional(),
  /** With error `locked-out`: when the card may try its PIN again (HH:MM). */
  retryAt: z.string().optional(),
  pinRequired: z.boolean().optional(),
  items: z.array(itemLineSchema).optional(),
  loans: z
    .array(
      z.object({
        itemId: z.string(),
        title: z.string().optional(),
        dueDate: z.string().optional(),
        overdue: z.boolean().optional(),
        /** This session's renewal of the loan: "renewed", or why not (a renewal refusal code). */
        renewal: z.string().optional(),
        /** The new due date a renewal of this session gave (the list catches up when it is fetched again). */
        renewedDue: z.string().optional(),
      }),
    )
    .optional(),
  holdsReady: z.array(z.object({ title: z.string().optional(), pickupLocation: z.string().optional() })).optional(),
  holdsPending: z.array(z.object({ title: z.string().optional(), pickupLocation: z.string().optional() })).optional(),
  blockReasons: z.array(z.string()).optional(),
  mayBorrow: z.boolean().optional(),
  receiptOptions: z.array(z.enum(['print', 'email', 'none'])).optional(),
  receiptDone: z.enum(['printed', 'emailed', 'skipped', 'failed']).optional(),
  /** The address an e-mailed receipt goes to, masked for the screen ("a…@example.se"); only when e-mail is offered. */
  receiptEmail: z.string().optional(),
  /** The relay did not take the e-mailed receipt: the screen says so and offers the printed one. */
  receiptEmailFailed: z.boolean().optional(),
  /** The receipt is on its way to the relay: the choices wait. */
  receiptSending: z.boolean().optional(),
  receiptKind: z.enum(['checkout', 'return']).optional(),
  /** A renewal is under way (the buttons wait, the screen says so). */
  renewing: z.boolean().optional(),
  /** All done: the closing screen shows, and the start screen comes back after a warned countdown. */
  finished: z.boolean().optional(),
  /** Staff are in the branch now (staffed hours); otherwise refused items get what-to-do-alone instructions. */
  staffed: z.boolean().optional(),
  offline: z.boolean().optional(),
  /** "Tips för mig" can be offered (a harvested catalogue). */
  discover: z.boolean().optional(),
});
export type SessionData = z.infer<typeof sessionDataSchema>;
