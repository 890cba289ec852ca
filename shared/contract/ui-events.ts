import { z } from 'zod';
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
]);

export type UiEvent = z.infer<typeof uiEventSchema>;
