import type { SerialCardReaderConfig } from '../../shared/config/devices/card.ts';
import type { CardRead, CardReader } from '../../shared/devices/card.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { PortDevice } from '../serial/port-device.ts';
import { checkCardNumber, LineFramer } from './codec/barcode-line.ts';

/** A barcode scanner or card reader on a serial port that sends one number per line. */
export class SerialCardReader extends PortDevice<SerialCardReaderConfig> implements CardReader {
  readonly kind = 'card-reader';
  readonly driver = 'serial';
  private readonly cards = new Emitter<{ card: CardRead }>();
  private framer: LineFramer | undefined;

  protected override attach(): void {
    this.framer = new LineFramer(this.config.suffix, this.config.maxLength * 4);
  }

  protected override receive(chunk: Uint8Array): void {
    const { lines, discarded } = this.framer?.push(chunk) ?? { lines: [], discarded: 0 };
    if (discarded > 0) this.log.debug({ discarded }, 'line noise discarded');
    for (const line of lines) this.accept(line);
  }

  private accept(raw: string): void {
    const check = checkCardNumber(raw, this.config);
    if (!check.ok) {
      this.log.warn({ reason: check.reason }, 'card read rejected');
      return;
    }
    this.cards.emit('card', { number: check.number, source: 'serial', readerId: this.id, at: new Date().toISOString() });
  }

  onCard(listener: (card: CardRead) => void): Unsubscribe {
    return this.cards.on('card', listener);
  }
}
