import * as z from 'zod';
import { serialOptions, usbIdSchema } from './usb-id.ts';

/** A USB device that acts as a boot keyboard (card reader, PIN pad), read through hidraw. */
const hidKeyboard = {
  vendorId: usbIdSchema,
  productId: usbIdSchema,
  /** Pick one of several identical devices by hidraw path or serial number. */
  path: z.string().optional(),
  serialNumber: z.string().optional(),
  /** Some devices prefix every input report with a report id byte. */
  reportId: z.boolean().default(false),
  minLength: z.number().int().min(1).default(4),
};

/** `kind: card-reader, driver: hid`: a USB reader that acts as a boot keyboard. */
export const hidCardReaderSchema = z.object({ ...hidKeyboard, maxLength: z.number().int().min(1).default(32) });

/** `kind: card-reader, driver: serial`: a barcode or RFID card reader that sends lines. */
export const serialCardReaderSchema = z.object({
  ...serialOptions,
  /** Line terminator the reader is programmed with; `any` accepts CR, LF and CRLF. */
  suffix: z.enum(['cr', 'lf', 'crlf', 'any']).default('any'),
  /** Fixed text the reader puts before/after the number (stripped when present). */
  stripPrefix: z.string().default(''),
  stripSuffix: z.string().default(''),
  minLength: z.number().int().min(1).default(4),
  maxLength: z.number().int().min(1).default(32),
  /** Refuse numbers whose last digit is not the Luhn (mod 10) check digit. */
  checkDigit: z.enum(['none', 'luhn']).default('none'),
});

export type HidCardReaderConfig = z.infer<typeof hidCardReaderSchema>;
export type SerialCardReaderConfig = z.infer<typeof serialCardReaderSchema>;

/** `kind: keypad, driver: hid`: a USB numeric keypad (boot keyboard) for the door PIN. */
export const hidKeypadSchema = z.object({ ...hidKeyboard, maxLength: z.number().int().min(1).max(16).default(8) });

export type HidKeypadConfig = z.infer<typeof hidKeypadSchema>;
