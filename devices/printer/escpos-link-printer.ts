import type { PaperState, Receipt, ReceiptPrinter } from '../../shared/devices/printer.ts';
import { isOpenBranchError, OpenBranchError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import type { ByteLink, LinkOpener } from '../serial/byte-link.ts';
import { byteFrames } from '../serial/codec/exchange.ts';
import { SerialDevice } from '../serial/serial-device.ts';
import { Transactor } from '../serial/transactor.ts';
import { type EncodeOptions, encodeReceipt } from './codec/escpos-encode.ts';
import { decodePaperStatus, PAPER_STATUS_QUERY } from './codec/escpos-status.ts';

export interface EscposSettings extends EncodeOptions {
  /** Ask the printer for paper status (DLE EOT 4); off for printers that never answer. */
  readonly statusQuery: boolean;
  readonly statusTimeoutMs: number;
}

/** DLE EOT 4: the roll paper sensor, one byte back. */
const paperStatus = { request: PAPER_STATUS_QUERY, answers: () => true, parse: decodePaperStatus };

/**
 * An ESC/POS receipt printer on any byte link: the receipt's bytes out,
 * the paper status asked where the printer answers. The serial and the
 * USB printer-class drivers differ only in the link.
 */
export abstract class EscposLinkPrinter extends SerialDevice implements ReceiptPrinter {
  readonly kind = 'printer';
  abstract readonly driver: string;
  private tx: Transactor<number> | undefined;

  constructor(
    readonly id: string,
    private readonly settings: EscposSettings,
    openLink: LinkOpener,
    private readonly logger: Logger,
  ) {
    super(openLink);
  }

  protected override attach(link: ByteLink): void {
    this.tx = new Transactor(link, byteFrames, this.settings.statusTimeoutMs, this.logger);
  }

  protected override detach(): void {
    this.tx?.dispose(this.notConnected());
    this.tx = undefined;
  }

  private live(): Transactor<number> {
    if (!this.tx) throw this.notConnected();
    return this.tx;
  }

  async print(receipt: Receipt): Promise<void> {
    const tx = this.live();
    if (this.settings.statusQuery && (await this.paper()) === 'out') {
      throw new OpenBranchError('device.paper-out', `printer ${this.id} is out of paper`, { device: this.id });
    }
    await tx.send(encodeReceipt(receipt, this.settings));
  }

  /** A printer that does not answer in time is `unknown`, not an error. */
  async paper(): Promise<PaperState> {
    const tx = this.live();
    if (!this.settings.statusQuery) return 'unknown';
    try {
      return await tx.run(paperStatus);
    } catch (e) {
      if (isOpenBranchError(e, 'device.timeout')) return 'unknown';
      throw e;
    }
  }
}
