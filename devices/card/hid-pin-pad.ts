import type { HidKeypadConfig } from '../../shared/config/devices/card.ts';
import type { PinPad } from '../../shared/devices/card.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { HidKeyboardDevice } from './hid-keyboard-device.ts';

type PinEvent = { readonly pin: string; readonly readerId: string };

/** A USB numeric keypad at the door: digits then Enter. The PIN is never logged, not even its length. */
export class HidPinPad extends HidKeyboardDevice<HidKeypadConfig> implements PinPad {
  readonly kind = 'keypad';
  private readonly pins = new Emitter<{ pin: PinEvent }>();

  protected override line(text: string): void {
    if (/^\d+$/.test(text) && text.length >= this.config.minLength && text.length <= this.config.maxLength)
      this.pins.emit('pin', { pin: text, readerId: this.id });
    else this.log.warn({ reason: 'keypad.format' }, 'PIN entry rejected');
  }

  onPin(listener: (pin: PinEvent) => void): Unsubscribe {
    return this.pins.on('pin', listener);
  }
}
