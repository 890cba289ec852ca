import type { CardRead, CardReader, CardRemoval } from '../../shared/devices/card.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { SimulatedDevice } from '../simulated-device.ts';

/** The embedded default's card reader: the simulator panel (or a test) presents a card. */
export class SimulatedCardReader extends SimulatedDevice implements CardReader {
  readonly kind = 'card-reader';
  private readonly cards = new Emitter<{ card: CardRead; removed: CardRemoval }>();

  present(number: string): void {
    if (this.status().state !== 'connected') throw new OpenBranchError('device.missing', `card reader ${this.id} is not open`);
    this.cards.emit('card', { number, source: 'simulated', readerId: this.id, at: new Date().toISOString() });
  }

  /** The card is taken away again (as from an RFID pad). */
  remove(number: string): void {
    this.cards.emit('removed', { number, readerId: this.id });
  }

  onCard(listener: (card: CardRead) => void): Unsubscribe {
    return this.cards.on('card', listener);
  }

  onRemoved(listener: (card: CardRemoval) => void): Unsubscribe {
    return this.cards.on('removed', listener);
  }
}
