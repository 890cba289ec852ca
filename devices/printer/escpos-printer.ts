import type { EscposPrinterConfig } from '../../shared/config/devices/printer.ts';
import type { PaperState, Receipt, ReceiptPrinter } from '../../shared/devices/printer.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { OpenBranchError, toOpenBranchError } from '../../shared/errors.ts';
import type { Unsubscribe } from '../../shared/events.ts';
import { type SerialBinding, SerialLink } from '../serial/link.ts';
import { encodeReceipt } from './codec/escpos-encode.ts';
import { decodePaperStatus, PAPER_STATUS_QUERY } from './codec/escpos-status.ts';

/** An ESC/POS receipt printer on a serial or USB-serial port. */
export class EscposPrinter implements ReceiptPrinter {
  readonly kind = 'printer';
  readonly driver = 'escpos';
  private readonly tracker = new StatusTracker();
  private link: SerialLink | undefined;
  private answer: ((byte: number) => void) | undefined;

  constructor(
    readonly id: string,
    private readonly config: EscposPrinterConfig,
    private readonly binding?: SerialBinding,
  ) {}

  async open(): Promise<void> {
    await this.link?.close();
    this.tracker.set('connecting');
    let link: SerialLink;
    try {
      link = await SerialLink.open({ path: this.config.port, baudRate: this.config.baudRate, binding: this.binding });
    } catch (e) {
      const err = toOpenBranchError(e, 'device.missing');
      this.tracker.set('missing', err.message);
      throw err;
    }
    this.link = link;
    link.onData((chunk) => {
      const byte = chunk[chunk.length - 1];
      if (byte !== undefined) this.answer?.(byte);
    });
    link.onLost((reason) => {
      if (this.link !== link) return;
      this.link = undefined;
      this.tracker.set('missing', `port lost: ${reason}`);
    });
    this.tracker.set('connected');
  }

  async print(receipt: Receipt): Promise<void> {
    const link = this.live();
    if (this.config.statusQuery && (await this.paper()) === 'out') {
      throw new OpenBranchError('device.paper-out', `printer ${this.id} is out of paper`, { device: this.id });
    }
    await link.write(encodeReceipt(receipt, this.config));
  }

  /** DLE EOT 4; a printer that does not answer in time is `unknown`, not an error. */
  async paper(): Promise<PaperState> {
    const link = this.live();
    if (!this.config.statusQuery) return 'unknown';
    const reply = new Promise<number | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), this.config.statusTimeoutMs);
      this.answer = (byte) => {
        clearTimeout(timer);
        resolve(byte);
      };
    });
    await link.write(PAPER_STATUS_QUERY);
    const byte = await reply;
    this.answer = undefined;
    return byte === undefined ? 'unknown' : decodePaperStatus(byte);
  }

  private live(): SerialLink {
    if (!this.link) throw new OpenBranchError('device.missing', `printer ${this.id} is ${this.tracker.get().state}`, { device: this.id });
    return this.link;
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
    this.tracker.set('closed');
  }

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.tracker.on(listener);
  }
}
