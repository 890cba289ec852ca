import type { HidCardReaderConfig } from '../../shared/config/devices/card.ts';
import type { CardRead, CardReader } from '../../shared/devices/card.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { checkCardNumber } from './codec/barcode-line.ts';
import { HidKeyboardDevice } from './hid-keyboard-device.ts';

/** A USB card reader that enumerates as a keyboard (vendor/product id from config). */
export class HidCardReader extends HidKeyboardDevice<HidCardReaderConfig> implements CardReader {
  readonly kind = 'card-reader';
  private readonly cards = new Emitter<{ card: CardRead }>();

  protected override line(raw: string): void {
    const check = checkCardNumber(raw, { stripPrefix: '', stripSuffix: '', checkDigit: 'none', ...this.config });
    if (!check.ok) this.log.warn({ reason: check.reason }, 'card read rejected');
    else this.cards.emit('card', { number: check.number, source: 'hid', readerId: this.id, at: new Date().toISOString() });
  }

  onCard(listener: (card: CardRead) => void): Unsubscribe {
    return this.cards.on('card', listener);
  }
}
