import type { CardRead, CardReader, CardRemoval } from '../../shared/devices/card.ts';
import type { RfidReader } from '../../shared/devices/rfid.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { ReaderItemPad } from './item-pad.ts';

/**
 * Patron cards that are RFID tags (ISO 28560 type of usage "patron card")
 * laid on the item pad, offered as a CardReader. The reader's lifecycle
 * belongs to whoever owns the pad: open/close here only (un)subscribe.
 */
export class RfidCardReader implements CardReader {
  readonly kind = 'card-reader' as const;
  readonly driver = 'rfid';
  private readonly events = new Emitter<{ card: CardRead; removed: CardRemoval }>();
  private unsubscribe: Unsubscribe | undefined;
  private unsubscribeRemoved: Unsubscribe | undefined;

  constructor(
    readonly id: string,
    private readonly reader: RfidReader,
    private readonly pad: ReaderItemPad,
  ) {}

  async open(): Promise<void> {
    this.unsubscribe ??= this.pad.onPatronCard((tag) =>
      this.events.emit('card', { number: tag.itemId, source: 'rfid', readerId: this.id, at: new Date().toISOString() }),
    );
    this.unsubscribeRemoved ??= this.pad.onPatronCardRemoved((tag) =>
      this.events.emit('removed', { number: tag.itemId, readerId: this.id }),
    );
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.unsubscribeRemoved?.();
    this.unsubscribeRemoved = undefined;
  }

  status(): DeviceStatus {
    return this.reader.status();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.reader.onStatus(listener);
  }

  onCard(listener: (card: CardRead) => void): Unsubscribe {
    return this.events.on('card', listener);
  }

  onRemoved(listener: (card: CardRemoval) => void): Unsubscribe {
    return this.events.on('removed', listener);
  }
}
