import * as z from 'zod';

/** A USB vendor/product id: a number, or hex as lsusb prints it ("16c0", "0x16C0"). */
export const usbIdSchema = z.union([
  z.number().int().min(0).max(0xffff),
  z
    .string()
    .regex(/^(0x)?[0-9a-fA-F]{1,4}$/, 'a USB id in hex, e.g. 16c0')
    .transform((s) => Number.parseInt(s.replace(/^0x/i, ''), 16)),
]);

export const serialOptions = {
  port: z.string().min(1),
  baudRate: z.number().int().positive().default(9600),
};
