import type { SerialCardReaderConfig } from '../../shared/config/devices/card.ts';
import type { CardRead, CardReader } from '../../shared/devices/card.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { toOpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { type SerialBinding, SerialLink } from '../serial/link.ts';
import { checkCardNumber, LineFramer } from './codec/barcode-line.ts';

/** A barcode scanner or card reader on a serial port that sends one number per line. */
export class SerialCardReader implements CardReader {
  readonly kind = 'card-reader';
  readonly driver = 'serial';
  private readonly tracker = new StatusTracker();
  private readonly cards = new Emitter<{ card: CardRead }>();
  private link: SerialLink | undefined;
  private readonly log: Logger;

  constructor(
    readonly id: string,
    private readonly config: SerialCardReaderConfig,
    logger: Logger,
    private readonly binding?: SerialBinding,
  ) {
    this.log = logger.child({ device: id, driver: 'serial' });
  }

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
    const framer = new LineFramer(this.config.suffix, this.config.maxLength * 4);
    link.onData((chunk) => {
      const { lines, discarded } = framer.push(chunk);
      if (discarded > 0) this.log.debug({ discarded }, 'line noise discarded');
      for (const line of lines) this.accept(line);
    });
    link.onLost((reason) => {
      if (this.link !== link) return;
      this.link = undefined;
      this.tracker.set('missing', `port lost: ${reason}`);
    });
    this.tracker.set('connected');
  }

  private accept(raw: string): void {
    const check = checkCardNumber(raw, this.config);
    if (!check.ok) {
      this.log.warn({ reason: check.reason }, 'card read rejected');
      return;
    }
    this.cards.emit('card', { number: check.number, source: 'serial', readerId: this.id, at: new Date().toISOString() });
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

  onCard(listener: (card: CardRead) => void): Unsubscribe {
    return this.cards.on('card', listener);
  }
}
