import type { PaperState, Receipt, ReceiptPrinter } from '../../shared/devices/printer.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { SimulatedDevice } from '../simulated-device.ts';
import { encodeReceipt } from './codec/escpos-encode.ts';
import { EscPosParser, type PrintItem } from './codec/escpos-parse.ts';

/**
 * The embedded default's printer: encodes each receipt to the same ESC/POS
 * bytes a real printer gets and parses them back, so the simulator panel
 * shows exactly what would have come out of the printer.
 */
export class SimulatedPrinter extends SimulatedDevice implements ReceiptPrinter {
  readonly kind = 'printer';
  paperState: PaperState = 'ok';
  readonly printed: PrintItem[][] = [];
  private readonly events = new Emitter<{ printed: PrintItem[] }>();

  constructor(
    id: string,
    private readonly columns: 32 | 35 | 42 | 44 | 48 = 48,
  ) {
    super(id);
  }

  async print(receipt: Receipt): Promise<void> {
    if (this.status().state !== 'connected') throw new OpenBranchError('device.missing', `printer ${this.id} is not open`);
    if (this.paperState === 'out') throw new OpenBranchError('device.paper-out', `printer ${this.id} is out of paper`);
    const items = new EscPosParser().push(encodeReceipt(receipt, { columns: this.columns, codepage: 'cp858' }));
    this.printed.push(items);
    this.events.emit('printed', items);
  }

  async paper(): Promise<PaperState> {
    return this.paperState;
  }

  onPrinted(listener: (items: PrintItem[]) => void): Unsubscribe {
    return this.events.on('printed', listener);
  }
}
