import type { EscposPrinterConfig } from '../../shared/config/devices/printer.ts';
import { type Logger, silentLogger } from '../../shared/logger.ts';
import { type SerialBinding, serialPort } from '../serial/link.ts';
import { EscposLinkPrinter } from './escpos-link-printer.ts';

/** An ESC/POS receipt printer on a serial or USB-serial port; it answers the paper-status query. */
export class EscposPrinter extends EscposLinkPrinter {
  readonly driver = 'escpos';

  constructor(id: string, config: EscposPrinterConfig, binding?: SerialBinding, logger: Logger = silentLogger) {
    super(id, config, serialPort(config, binding), logger);
  }
}
