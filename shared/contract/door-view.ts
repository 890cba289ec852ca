import * as z from 'zod';
import { DENIAL_REASONS } from '../domain/door.ts';

/**
 * What the door terminal shows (route /door, or a door-only install's
 * screen). Projected in main from the door-entry machine.
 */
export const doorViewSchema = z.object({
  /**
   * idle: waiting for a card; pin: card read, waiting for the PIN; checking: asking the library system;
   * out-of-order: the lock relay is missing or failed, so no card is taken.
   */
  step: z.enum(['idle', 'pin', 'checking', 'granted', 'denied', 'alarm', 'out-of-order']),
  /** The branch's mode now, from the opening schedule. */
  mode: z.enum(['staffed', 'unstaffed', 'closed']),
  /** Denial reason code; the screen says it through the catalog (door.reason.<code>). */
  reason: z.enum(DENIAL_REASONS).optional(),
  /** With reason `locked-out`: when the card may try again (HH:MM, the branch's time). */
  retryAt: z.string().optional(),
  /** Digits typed so far (count only: the PIN itself never leaves main). */
  pinLength: z.number().int().nonnegative().default(0),
  /** Alarm kind while an alarm is active. */
  alarm: z.enum(['held-open', 'forced']).optional(),
  contact: z.enum(['open', 'closed', 'unknown']),
  lock: z.enum(['locked', 'unlocked']),
  /** The lock relay answers (false: missing or failed; the technician screen and /health say which). */
  lockAvailable: z.boolean().default(true),
  /** When the mode changes next (ISO): "open until 22:00", or while closed "we open again Monday 06:00". */
  nextChange: z.object({ at: z.string(), mode: z.enum(['staffed', 'unstaffed', 'closed']) }).optional(),
  /** The next (or current) staffed hours (ISO from/to), for "staff are here Monday 10:00-19:00". */
  nextStaffed: z.object({ from: z.string(), to: z.string() }).optional(),
  /** While the PIN is asked for: when the attempt times out (ISO, real time), so the screen can warn and offer more time. */
  pinDeadline: z.string().optional(),
  /** Closing announcement now showing (catalog key). */
  announcement: z.object({ key: z.string(), minutes: z.number().int() }).optional(),
  offline: z.boolean().default(false),
  /** People inside by the people counter (absent without one). */
  occupancy: z.number().int().nonnegative().optional(),
  /** Just now more people came in than were let in (policy warn/count): the door screen says so. */
  tailgate: z.object({ followers: z.number().int().positive() }).optional(),
  /** Closed with people counted inside: "please leave" (said again each round). */
  pleaseLeave: z.object({ round: z.number().int().positive() }).optional(),
  /** Staff locked the door down: no entries until they clear it. */
  lockdown: z.boolean().default(false),
  /** Say refusals and announcements aloud (branch policy `sounds`). */
  speak: z.boolean().default(false),
  /** At closing: someone may still be inside (the door stood open, or people came in shortly before). */
  evacuation: z
    .object({ doorOpen: z.boolean(), recentEntries: z.number().int().nonnegative(), windowMinutes: z.number().int() })
    .optional(),
});
export type DoorView = z.infer<typeof doorViewSchema>;

/** Door-terminal input from an on-screen pad. */
export const doorEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('door.card'),
    number: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\x21-\x7e]+$/),
  }),
  z.strictObject({ type: z.literal('door.digit'), digit: z.string().regex(/^[0-9]$/) }),
  z.strictObject({ type: z.literal('door.erase') }),
  /** Clears the digits typed so far ("Rensa"); the attempt goes on. */
  z.strictObject({ type: z.literal('door.clear') }),
  /** More time to type the PIN. */
  z.strictObject({ type: z.literal('door.more') }),
  z.strictObject({ type: z.literal('door.submit') }),
  z.strictObject({ type: z.literal('door.cancel') }),
]);
export type DoorEvent = z.infer<typeof doorEventSchema>;
