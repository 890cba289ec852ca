import type { EscposUsbPrinterConfig } from '../../shared/config/devices/printer.ts';
import { silentLogger } from '../../shared/logger.ts';
import { DeviceFileLink } from '../serial/device-file-link.ts';
import { EscposLinkPrinter } from './escpos-link-printer.ts';

/**
 * An ESC/POS printer that enumerates as a USB printer-class device (Linux
 * usblp: /dev/usb/lp0) rather than a serial port: the same bytes, written
 * to the device file. usblp gives no reliable status read-back, so paper
 * state is `unknown`; a vanished device file is `missing`.
 */
export class EscposDeviceFilePrinter extends EscposLinkPrinter {
  readonly driver = 'escpos-usb';

  constructor(id: string, config: EscposUsbPrinterConfig) {
    super(id, { ...config, statusQuery: false, statusTimeoutMs: 0 }, () => DeviceFileLink.open(config.port), silentLogger);
  }
}
