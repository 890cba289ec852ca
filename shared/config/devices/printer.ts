import { z } from 'zod';
import { serialOptions } from './usb-id.ts';

/** `kind: printer, driver: escpos`: an ESC/POS receipt printer on a serial (or USB-serial) port. */
export const escposPrinterSchema = z.looseObject({
  ...serialOptions,
  baudRate: z.number().int().positive().default(19_200),
  /** Characters per line: 48 on 80 mm paper (font A), 32 on 58 mm. */
  columns: z.number().int().min(16).max(80).default(48),
  /** PC858 is PC850 plus the euro sign; both print å ä ö. */
  codepage: z.enum(['cp858', 'cp850']).default('cp858'),
  /** Ask the printer for paper status (DLE EOT 4); off for printers that never answer. */
  statusQuery: z.boolean().default(true),
  statusTimeoutMs: z.number().int().positive().default(500),
});

export type EscposPrinterConfig = z.infer<typeof escposPrinterSchema>;
