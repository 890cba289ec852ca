import type { Command } from 'commander';
import { printedText } from '../../../devices/printer/codec/escpos-parse.ts';
import type { SimulatedPrinter } from '../../../devices/printer/simulated-printer.ts';
import type { Receipt, ReceiptPrinter } from '../../../shared/devices/printer.ts';
import { deviceFromFlags } from './device-flags.ts';

/** A test receipt that shows at a glance whether the code page is right (å ä ö Å Ä Ö é ü €). */
export function swedishTestReceipt(now = new Date()): Receipt {
  return {
    lines: [
      { type: 'text', text: 'OpenBranch', bold: true, size: 2, align: 'center' },
      { type: 'text', text: 'Testkvitto / test receipt', align: 'center' },
      { type: 'rule' },
      { type: 'text', text: 'Räksmörgås: å ä ö Å Ä Ö' },
      { type: 'text', text: 'Café Müller, avgift 10 €' },
      { type: 'text', text: 'Fet stil', bold: true },
      { type: 'text', text: now.toISOString().slice(0, 16).replace('T', ' ') },
      { type: 'barcode', data: '30001234' },
      { type: 'qr', data: 'https://github.com/openbranch' },
    ],
  };
}

interface PrinterOptions {
  driver: string;
  port?: string;
  baud?: number;
  columns?: number;
  codepage?: string;
  json?: boolean;
}

const int = (v: string) => Number.parseInt(v, 10);

export function registerPrinter(program: Command): void {
  const printer = program.command('printer').description('receipt printer');
  printer
    .command('test')
    .description('print a Swedish test receipt and report the paper status')
    .requiredOption('--driver <driver>', 'escpos | escpos-usb | simulated')
    .option('--port <path>', 'serial port (escpos, e.g. /dev/ttyUSB0) or printer device file (escpos-usb, e.g. /dev/usb/lp0)')
    .option('--baud <n>', 'baud rate', int)
    .option('--columns <n>', 'characters per line (48 on 80 mm paper, 32 on 58 mm)', int)
    .option('--codepage <cp>', 'cp858 | cp850')
    .option('--json', 'print the result as JSON')
    .action(async (o: PrinterOptions) => {
      const device = await printerFor(o);
      await device.open();
      try {
        const paper = await device.paper();
        await device.print(swedishTestReceipt());
        const lines = device.driver === 'simulated' ? printedText((device as SimulatedPrinter).printed.at(-1) ?? []) : undefined;
        if (o.json) console.log(JSON.stringify({ printed: true, paper, ...(lines ? { lines } : {}) }));
        else console.log([...(lines ?? []), `printed; paper: ${paper}`].join('\n'));
      } finally {
        await device.close();
      }
    });
}

/** The printer test flags as a device entry, built through the registry (escpos, escpos-usb or simulated). */
function printerFor(o: PrinterOptions): Promise<ReceiptPrinter> {
  return deviceFromFlags<ReceiptPrinter>('printer', o.driver, { port: o.port, baudRate: o.baud, columns: o.columns, codepage: o.codepage });
}
