import { escposPrinterSchema, escposUsbPrinterSchema, simulatedPrinterSchema } from '../../shared/config/devices/printer.ts';
import { defineDriver } from '../driver.ts';

/** Receipt printers; the ESC/POS encoder and serialport load only when one is built. */
export const escposPrinter = defineDriver({
  schema: escposPrinterSchema,
  create: async (o, c) => new (await import('./escpos-printer.ts')).EscposPrinter(o.id, o, c.transports.serial, c.logger),
});

export const escposUsbPrinter = defineDriver({
  schema: escposUsbPrinterSchema,
  create: async (o) => new (await import('./escpos-device-file-printer.ts')).EscposDeviceFilePrinter(o.id, o),
});

export const simulatedPrinter = defineDriver({
  schema: simulatedPrinterSchema,
  create: async (o) => new (await import('./simulated-printer.ts')).SimulatedPrinter(o.id, o.columns),
});
