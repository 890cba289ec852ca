import type { Device } from './status.ts';

export type ReceiptLine =
  | {
      readonly type: 'text';
      readonly text: string;
      readonly bold?: boolean;
      readonly size?: 1 | 2;
      readonly align?: 'left' | 'center' | 'right';
    }
  | { readonly type: 'rule' }
  | { readonly type: 'barcode'; readonly data: string; readonly symbology?: 'code128' | 'code39' }
  | { readonly type: 'qr'; readonly data: string }
  | { readonly type: 'feed'; readonly lines: number };

export interface Receipt {
  readonly lines: readonly ReceiptLine[];
  /** Cut after printing (default true). */
  readonly cut?: boolean;
}

export type PaperState = 'ok' | 'near-end' | 'out' | 'unknown';

export interface ReceiptPrinter extends Device {
  readonly kind: 'printer';
  print(receipt: Receipt): Promise<void>;
  paper(): Promise<PaperState>;
}
