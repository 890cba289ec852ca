import type { Logger } from '../../shared/logger.ts';
import { HidDevice, type HidSelect } from '../hid/hid-device.ts';
import type { HidBinding } from '../hid/transport.ts';
import { BootKeyboardDecoder } from './codec/boot-keyboard.ts';

export interface HidKeyboardSelect extends HidSelect {
  /** Some devices prefix every input report with a report id byte. */
  readonly reportId?: boolean;
  readonly maxLength?: number;
}

/**
 * A USB device that acts as a boot keyboard (card reader, PIN pad), read
 * through hidraw rather than as typed text: the host's keyboard layout never
 * matters and what it types never lands in whatever window has focus. The
 * driver gets one `line` per Enter.
 */
export abstract class HidKeyboardDevice<C extends HidKeyboardSelect = HidKeyboardSelect> extends HidDevice {
  readonly driver = 'hid';
  private decoder: BootKeyboardDecoder | undefined;
  protected readonly log: Logger;

  constructor(
    readonly id: string,
    protected readonly config: C,
    hid: HidBinding,
    logger: Logger,
  ) {
    super(hid, config);
    this.log = logger.child({ device: id, driver: 'hid' });
  }

  /** One line typed by the device (what came before Enter). */
  protected abstract line(text: string): void;

  protected override attach(): void {
    this.decoder = new BootKeyboardDecoder({ reportId: this.config.reportId ?? false, maxLength: this.config.maxLength ?? 64 });
  }

  protected override report(data: Uint8Array): void {
    for (const frame of this.decoder?.push(data) ?? []) {
      if (frame.type === 'discarded') this.log.debug({ reason: frame.reason }, 'report discarded');
      else this.line(frame.text);
    }
  }
}
