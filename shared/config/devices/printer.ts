import * as z from 'zod';
import { serialOptions } from './usb-id.ts';

/** Characters per line: 48 on 80 mm paper (font A), 32 on 58 mm; the encoder knows 32, 35, 42, 44 and 48. */
const columns = z.union([z.literal(32), z.literal(35), z.literal(42), z.literal(44), z.literal(48)]).default(48);

/** `kind: printer, driver: escpos`: an ESC/POS receipt printer on a serial (or USB-serial) port. */
export const escposPrinterSchema = z.object({
  ...serialOptions,
  baudRate: z.number().int().positive().default(19_200),
  columns,
  /** PC858 is PC850 plus the euro sign; both print å ä ö. */
  codepage: z.enum(['cp858', 'cp850']).default('cp858'),
  /** Ask the printer for paper status (DLE EOT 4); off for printers that never answer. */
  statusQuery: z.boolean().default(true),
  statusTimeoutMs: z.number().int().positive().default(500),
});

/** `kind: printer, driver: escpos-usb`: the same bytes to a USB printer-class device file (/dev/usb/lp0); no line settings, no status. */
export const escposUsbPrinterSchema = escposPrinterSchema.pick({ port: true, columns: true, codepage: true });

/** `kind: printer, driver: simulated`: prints into the simulator panel. */
export const simulatedPrinterSchema = z.object({ columns });

export type EscposPrinterConfig = z.infer<typeof escposPrinterSchema>;
export type EscposUsbPrinterConfig = z.infer<typeof escposUsbPrinterSchema>;
