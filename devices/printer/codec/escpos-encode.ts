import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt, ReceiptLine } from '../../../shared/devices/printer.ts';
import type { CodepageName } from './codepages.ts';

export interface EncodeOptions {
  readonly columns: 32 | 35 | 42 | 44 | 48;
  readonly codepage: CodepageName;
}

/**
 * A receipt as ESC/POS bytes: ESC @, the code page (so å ä ö print), then
 * each line, and a cut. The encoder package knows the command set and the
 * code page tables; this only maps our receipt lines onto it.
 */
export function encodeReceipt(receipt: Receipt, options: EncodeOptions): Uint8Array {
  const enc = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: options.columns, codepageMapping: 'epson', newline: '\n' });
  enc.initialize().codepage(options.codepage);
  for (const line of receipt.lines) addLine(enc, line);
  if (receipt.cut !== false) enc.cut();
  return enc.encode();
}

function addLine(enc: ReceiptPrinterEncoder, line: ReceiptLine): void {
  switch (line.type) {
    case 'text': {
      const size = line.size ?? 1;
      enc
        .align(line.align ?? 'left')
        .bold(line.bold ?? false)
        .size(size, size)
        .line(line.text)
        .size(1, 1)
        .bold(false)
        .align('left');
      return;
    }
    case 'rule':
      enc.rule();
      return;
    case 'barcode':
      enc
        .align('center')
        .barcode(line.data, line.symbology ?? 'code128', 60)
        .align('left');
      return;
    case 'qr':
      enc.align('center').qrcode(line.data).align('left');
      return;
    case 'feed':
      enc.newline(line.lines);
      return;
  }
}
