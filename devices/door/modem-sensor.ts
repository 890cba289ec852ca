import type { ModemSensorConfig } from '../../shared/config/devices/door-sensor.ts';
import type { ContactState } from '../../shared/devices/door.ts';
import type { Logger } from '../../shared/logger.ts';
import type { SerialBinding, SerialLink } from '../serial/link.ts';
import { PortContactSensor } from './port-contact-sensor.ts';

/**
 * A door contact on a serial port's modem-status input (CTS, DSR or DCD),
 * polled; RTS/DTR (asserted on open) feed it. A level counts after it held
 * for `debounceMs` (contacts bounce).
 */
export class ModemLineSensor extends PortContactSensor<ModemSensorConfig> {
  readonly driver = 'modem-lines';
  private timer: ReturnType<typeof setInterval> | undefined;
  private candidate: { state: ContactState; since: number } | undefined;

  constructor(
    id: string,
    config: ModemSensorConfig,
    logger: Logger,
    binding?: SerialBinding,
    private readonly now: () => number = Date.now,
  ) {
    super(id, config, logger, binding);
  }

  protected override async attach(link: SerialLink): Promise<void> {
    // The first reading counts at once: the flows must know the door's state from the start.
    this.apply(await this.sample(link), true);
    this.timer = setInterval(() => {
      this.sample(link).then(
        (s) => this.apply(s, false),
        (e: unknown) => void this.lost(String(e)),
      );
    }, this.config.pollMs);
  }

  protected override detach(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.candidate = undefined;
    super.detach();
  }

  private async sample(link: SerialLink): Promise<ContactState> {
    const high = (await link.modemLines())[this.config.line];
    return high === (this.config.openWhen === 'high') ? 'open' : 'closed';
  }

  private apply(next: ContactState, immediate: boolean): void {
    if (next === this.contact.current()) {
      this.candidate = undefined;
      return;
    }
    const t = this.now();
    if (!immediate && (this.candidate?.state !== next || t - this.candidate.since < this.config.debounceMs)) {
      if (this.candidate?.state !== next) this.candidate = { state: next, since: t };
      return;
    }
    this.candidate = undefined;
    this.contact.set(next);
  }
}
