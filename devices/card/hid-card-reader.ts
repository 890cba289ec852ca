import type { HidCardReaderConfig } from '../../shared/config/devices/card.ts';
import type { CardRead, CardReader } from '../../shared/devices/card.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { HidBinding } from '../hid/transport.ts';
import { checkCardNumber } from './codec/barcode-line.ts';
import { HidKeyboardSource } from './hid-keyboard-source.ts';

/** A USB card reader that enumerates as a keyboard (vendor/product id from config). */
export class HidCardReader implements CardReader {
  readonly kind = 'card-reader';
  readonly driver = 'hid';
  private readonly cards = new Emitter<{ card: CardRead }>();
  private readonly source: HidKeyboardSource;

  constructor(
    readonly id: string,
    private readonly config: HidCardReaderConfig,
    hid: HidBinding,
    logger: Logger,
  ) {
    const log = logger.child({ device: id, driver: 'hid' });
    this.source = new HidKeyboardSource(config, hid, log);
    this.source.onLine((raw) => {
      const check = checkCardNumber(raw, { stripPrefix: '', stripSuffix: '', checkDigit: 'none', ...this.config });
      if (!check.ok) log.warn({ reason: check.reason }, 'card read rejected');
      else this.cards.emit('card', { number: check.number, source: 'hid', readerId: this.id, at: new Date().toISOString() });
    });
  }

  open(): Promise<void> {
    return this.source.open();
  }

  close(): Promise<void> {
    return this.source.close();
  }

  status(): DeviceStatus {
    return this.source.status();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.source.onStatus(listener);
  }

  onCard(listener: (card: CardRead) => void): Unsubscribe {
    return this.cards.on('card', listener);
  }
}
