import type { ModemSensorConfig } from '../../shared/config/devices/door-sensor.ts';
import type { ContactState, DoorSensor } from '../../shared/devices/door.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { toOpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { type SerialBinding, SerialLink } from '../serial/link.ts';

/**
 * A door contact on a serial port's modem-status input (CTS, DSR or DCD),
 * polled with serialport's `get()`; RTS/DTR (asserted on open) feed it.
 * A level counts after it held for `debounceMs` (contacts bounce).
 */
export class ModemLineSensor implements DoorSensor {
  readonly kind = 'door-sensor';
  readonly driver = 'modem-lines';
  private readonly tracker = new StatusTracker();
  private readonly changes = new Emitter<{ change: ContactState }>();
  private state: ContactState = 'unknown';
  private link: SerialLink | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private candidate: { state: ContactState; since: number } | undefined;

  constructor(
    readonly id: string,
    private readonly config: ModemSensorConfig,
    private readonly binding?: SerialBinding,
    private readonly now: () => number = Date.now,
  ) {}

  async open(): Promise<void> {
    await this.stop();
    this.tracker.set('connecting');
    try {
      this.link = await SerialLink.open({ path: this.config.port, baudRate: this.config.baudRate, binding: this.binding });
    } catch (e) {
      const err = toOpenBranchError(e, 'device.missing');
      this.tracker.set('missing', err.message);
      throw err;
    }
    const link = this.link;
    link.onLost((reason) => this.lose(link, reason));
    // The first reading counts at once: the flows must know the door's state from the start.
    this.apply(await this.sample(link), true);
    this.tracker.set('connected');
    this.timer = setInterval(() => {
      this.sample(link).then(
        (s) => this.apply(s, false),
        (e: unknown) => this.lose(link, String(e)),
      );
    }, this.config.pollMs);
  }

  private sample(link: SerialLink): Promise<ContactState> {
    return new Promise((resolve, reject) => {
      link.port.get((err, lines) => {
        if (err || !lines) return reject(err ?? new Error('no modem status'));
        const high = lines[this.config.line] === true;
        resolve(high === (this.config.openWhen === 'high') ? 'open' : 'closed');
      });
    });
  }

  private apply(next: ContactState, immediate: boolean): void {
    if (next === this.state) {
      this.candidate = undefined;
      return;
    }
    const t = this.now();
    if (!immediate && (this.candidate?.state !== next || t - this.candidate.since < this.config.debounceMs)) {
      if (this.candidate?.state !== next) this.candidate = { state: next, since: t };
      return;
    }
    this.candidate = undefined;
    this.state = next;
    this.changes.emit('change', next);
  }

  private lose(link: SerialLink, reason: string): void {
    if (this.link !== link) return;
    void this.stop();
    this.state = 'unknown';
    this.changes.emit('change', 'unknown');
    this.tracker.set('missing', `port lost: ${reason}`);
  }

  private async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }

  async close(): Promise<void> {
    await this.stop();
    this.tracker.set('closed');
  }

  current(): ContactState {
    return this.state;
  }

  onChange(listener: (state: ContactState) => void): Unsubscribe {
    return this.changes.on('change', listener);
  }

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.tracker.on(listener);
  }
}
