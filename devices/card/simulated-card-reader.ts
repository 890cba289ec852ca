import type { CardRead, CardReader, CardRemoval } from '../../shared/devices/card.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';

/** The embedded default's card reader: the simulator panel (or a test) presents a card. */
export class SimulatedCardReader implements CardReader {
  readonly kind = 'card-reader';
  readonly driver = 'simulated';
  private readonly tracker = new StatusTracker();
  private readonly cards = new Emitter<{ card: CardRead; removed: CardRemoval }>();

  constructor(readonly id: string) {}

  async open(): Promise<void> {
    this.tracker.set('connected');
  }

  async close(): Promise<void> {
    this.tracker.set('closed');
  }

  present(number: string): void {
    if (this.tracker.get().state !== 'connected') throw new OpenBranchError('device.missing', `card reader ${this.id} is not open`);
    this.cards.emit('card', { number, source: 'simulated', readerId: this.id, at: new Date().toISOString() });
  }

  /** The card is taken away again (as from an RFID pad). */
  remove(number: string): void {
    this.cards.emit('removed', { number, readerId: this.id });
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

  onRemoved(listener: (card: CardRemoval) => void): Unsubscribe {
    return this.cards.on('removed', listener);
  }
}
