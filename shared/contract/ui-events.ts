import * as z from 'zod';
import { languageSchema } from '../config/branch.ts';
import { contrastSchema, textSizeSchema } from './view.ts';

/**
 * Events the renderer may send to main. Names are dotted (CONTRIBUTING.md, "Conventions"). Every
 * one is validated in main before it reaches a machine; anything else is
 * refused with a logged reason. Flows add their events here.
 */
const digits = z
  .string()
  .regex(/^[0-9]*$/, 'digits only')
  .max(16);
const cardNumber = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/** A choice key, a record id or a branch code: short and plain. */
const token = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only');

export const uiEventSchema = z.discriminatedUnion('type', [
  /** Any touch: resets the idle timer. */
  z.strictObject({ type: z.literal('ui.touch') }),
  z.strictObject({ type: z.literal('ui.language'), language: languageSchema }),
  z.strictObject({ type: z.literal('ui.textSize'), size: textSizeSchema }),
  z.strictObject({ type: z.literal('ui.contrast'), contrast: contrastSchema }),
  /** Speech on or off: a key on the keypad, a headset plugged in, or the on-screen button. */
  z.strictObject({ type: z.literal('ui.speech'), on: z.boolean() }),
  z.strictObject({ type: z.literal('ui.start') }),
  z.strictObject({ type: z.literal('ui.cancel') }),
  z.strictObject({ type: z.literal('ui.back') }),
  z.strictObject({ type: z.literal('session.end') }),
  /** A card number typed on the on-screen keypad or captured from a keyboard-wedge reader. */
  z.strictObject({ type: z.literal('card.entered'), number: cardNumber, source: z.enum(['keypad', 'keyboard-wedge']) }),
  z.strictObject({ type: z.literal('pin.entered'), pin: digits }),
  z.strictObject({ type: z.literal('menu.checkout') }),
  z.strictObject({ type: z.literal('menu.return') }),
  z.strictObject({ type: z.literal('menu.loans') }),
  z.strictObject({ type: z.literal('menu.holds') }),
  z.strictObject({ type: z.literal('loan.renew'), itemId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('loan.renewAll') }),
  z.strictObject({ type: z.literal('checkout.done') }),
  z.strictObject({ type: z.literal('return.done') }),
  z.strictObject({ type: z.literal('receipt.print') }),
  z.strictObject({ type: z.literal('receipt.email') }),
  z.strictObject({ type: z.literal('receipt.skip') }),
  /** "Tips för mig": the choices, the matches, reserving one for pick-up at a branch. */
  z.strictObject({ type: z.literal('discover.start') }),
  z.strictObject({ type: z.literal('discover.toggle'), facet: z.enum(['genre', 'format', 'language', 'age']), value: token }),
  z.strictObject({ type: z.literal('discover.like'), itemId: z.string().min(1).max(64).nullable() }),
  z.strictObject({ type: z.literal('discover.search') }),
  z.strictObject({ type: z.literal('discover.edit') }),
  z.strictObject({ type: z.literal('discover.reserve'), recordId: token }),
  z.strictObject({ type: z.literal('discover.pickup'), branch: token }),
  z.strictObject({ type: z.literal('discover.confirm') }),
  z.strictObject({ type: z.literal('discover.phone') }),
  z.strictObject({ type: z.literal('discover.back') }),
  z.strictObject({ type: z.literal('discover.done') }),
]);

export type UiEvent = z.infer<typeof uiEventSchema>;
