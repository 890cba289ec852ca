import type { FileHandle } from 'node:fs/promises';
import { open, stat } from 'node:fs/promises';
import type { EscposUsbPrinterConfig } from '../../shared/config/devices/printer.ts';
import type { PaperState, Receipt, ReceiptPrinter } from '../../shared/devices/printer.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import type { Unsubscribe } from '../../shared/events.ts';
import { encodeReceipt } from './codec/escpos-encode.ts';

/**
 * An ESC/POS printer that enumerates as a USB printer-class device (Linux
 * usblp: /dev/usb/lp0) rather than a serial port: the same bytes, written
 * to the device file. usblp gives no reliable status read-back, so paper
 * state is `unknown`; a vanished device file is `missing`.
 */
export class EscposDeviceFilePrinter implements ReceiptPrinter {
  readonly kind = 'printer';
  readonly driver = 'escpos-usb';
  private readonly tracker = new StatusTracker();
  private handle: FileHandle | undefined;

  constructor(
    readonly id: string,
    private readonly config: EscposUsbPrinterConfig,
  ) {}

  async open(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    this.tracker.set('connecting');
    try {
      // 'r+' never creates a file: a missing device stays missing.
      this.handle = await open(this.config.port, 'r+');
      this.tracker.set('connected');
    } catch (e) {
      const reason = `cannot open ${this.config.port}: ${(e as NodeJS.ErrnoException).code ?? e}`;
      this.tracker.set('missing', reason);
      throw new OpenBranchError('device.missing', reason, { device: this.id });
    }
  }

  async print(receipt: Receipt): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new OpenBranchError('device.missing', `printer ${this.id} is ${this.tracker.get().state}`, { device: this.id });
    try {
      await stat(this.config.port);
      await handle.write(encodeReceipt(receipt, this.config));
    } catch (e) {
      this.handle = undefined;
      await handle.close().catch(() => undefined);
      const reason = `write to ${this.config.port} failed: ${(e as NodeJS.ErrnoException).code ?? e}`;
      this.tracker.set('missing', reason);
      throw new OpenBranchError('device.missing', reason, { device: this.id });
    }
  }

  async paper(): Promise<PaperState> {
    return 'unknown';
  }

  async close(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    this.tracker.set('closed');
  }

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.tracker.on(listener);
  }
}
