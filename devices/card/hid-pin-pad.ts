import type { HidKeypadConfig } from '../../shared/config/devices/card.ts';
import type { PinPad } from '../../shared/devices/card.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { HidBinding } from '../hid/transport.ts';
import { HidKeyboardSource } from './hid-keyboard-source.ts';

type PinEvent = { readonly pin: string; readonly readerId: string };

/** A USB numeric keypad at the door: digits then Enter. The PIN is never logged, not even its length. */
export class HidPinPad implements PinPad {
  readonly kind = 'keypad';
  readonly driver = 'hid';
  private readonly pins = new Emitter<{ pin: PinEvent }>();
  private readonly source: HidKeyboardSource;

  constructor(
    readonly id: string,
    config: HidKeypadConfig,
    hid: HidBinding,
    logger: Logger,
  ) {
    const log = logger.child({ device: id, driver: 'hid' });
    this.source = new HidKeyboardSource(config, hid, log);
    this.source.onLine((line) => {
      if (/^\d+$/.test(line) && line.length >= config.minLength && line.length <= config.maxLength)
        this.pins.emit('pin', { pin: line, readerId: id });
      else log.warn({ reason: 'keypad.format' }, 'PIN entry rejected');
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

  onPin(listener: (pin: PinEvent) => void): Unsubscribe {
    return this.pins.on('pin', listener);
  }
}
