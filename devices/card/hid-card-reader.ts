import type { HidCardReaderConfig } from '../../shared/config/devices/card.ts';
import type { CardRead, CardReader } from '../../shared/devices/card.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { findHid, type HidBinding, type HidHandle } from '../hid/transport.ts';
import { checkCardNumber } from './codec/barcode-line.ts';
import { BootKeyboardDecoder } from './codec/boot-keyboard.ts';

/**
 * A USB card reader that enumerates as a keyboard. Read through hidraw (not
 * as typed text), so the host's keyboard layout never matters and the numbers
 * never land in whatever window has focus.
 */
export class HidCardReader implements CardReader {
  readonly kind = 'card-reader';
  readonly driver = 'hid';
  private readonly tracker = new StatusTracker();
  private readonly cards = new Emitter<{ card: CardRead }>();
  private handle: HidHandle | undefined;
  private readonly log: Logger;

  constructor(
    readonly id: string,
    private readonly config: HidCardReaderConfig,
    private readonly hid: HidBinding,
    logger: Logger,
  ) {
    this.log = logger.child({ device: id, driver: 'hid' });
  }

  async open(): Promise<void> {
    await this.drop();
    this.tracker.set('connecting');
    const info = await findHid(this.hid, this.config);
    if (!info) {
      const vidPid = `${hex(this.config.vendorId)}:${hex(this.config.productId)}`;
      this.tracker.set('missing', `no HID device ${vidPid}`);
      throw new OpenBranchError('device.missing', `card reader ${vidPid} is not plugged in`, { device: this.id });
    }
    const handle = await this.hid.open(info.path);
    this.handle = handle;
    const decoder = new BootKeyboardDecoder({ reportId: this.config.reportId, maxLength: this.config.maxLength });
    handle.onData((report) => {
      for (const frame of decoder.push(report)) {
        if (frame.type === 'discarded') this.log.debug({ reason: frame.reason }, 'report discarded');
        else this.accept(frame.text);
      }
    });
    handle.onError((e) => {
      if (this.handle !== handle) return;
      this.handle = undefined;
      this.tracker.set('missing', `unplugged: ${e.message}`);
    });
    this.tracker.set('connected');
  }

  private accept(raw: string): void {
    const check = checkCardNumber(raw, { stripPrefix: '', stripSuffix: '', checkDigit: 'none', ...this.config });
    if (!check.ok) {
      this.log.warn({ reason: check.reason }, 'card read rejected');
      return;
    }
    this.cards.emit('card', { number: check.number, source: 'hid', readerId: this.id, at: new Date().toISOString() });
  }

  private async drop(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    await h?.close().catch(() => {});
  }

  async close(): Promise<void> {
    await this.drop();
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

const hex = (n: number): string => n.toString(16).padStart(4, '0');
