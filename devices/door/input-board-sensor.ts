import type { InputBoardSensorConfig } from '../../shared/config/devices/door-sensor.ts';
import type { ContactState, DoorSensor } from '../../shared/devices/door.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { toOpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { type SerialBinding, SerialLink } from '../serial/link.ts';
import { InputBoardParser, QUERY } from './codec/input-board.ts';

/** A door contact read by a microcontroller input board (`IN<n>=<0|1>` lines). */
export class InputBoardSensor implements DoorSensor {
  readonly kind = 'door-sensor';
  readonly driver = 'input-board';
  private readonly tracker = new StatusTracker();
  private readonly changes = new Emitter<{ change: ContactState; exit: undefined }>();
  private state: ContactState = 'unknown';
  private button: 'pressed' | 'released' | 'unknown' = 'unknown';
  private link: SerialLink | undefined;
  private readonly log: Logger;

  constructor(
    readonly id: string,
    private readonly config: InputBoardSensorConfig,
    logger: Logger,
    private readonly binding?: SerialBinding,
  ) {
    this.log = logger.child({ device: id, driver: 'input-board' });
  }

  async open(): Promise<void> {
    await this.link?.close();
    this.tracker.set('connecting');
    let link: SerialLink;
    try {
      link = await SerialLink.open({ path: this.config.port, baudRate: this.config.baudRate, binding: this.binding });
    } catch (e) {
      const err = toOpenBranchError(e, 'device.missing');
      this.tracker.set('missing', err.message);
      throw err;
    }
    this.link = link;
    const parser = new InputBoardParser();
    const button = this.config.exitButton;
    // On a fresh connection the button is not known yet: one held down at connect is no press.
    this.button = 'unknown';
    link.onData((chunk) => {
      for (const item of parser.push(chunk)) {
        if (item.type === 'discarded') this.log.debug({ line: item.line }, 'input board line discarded');
        else if (item.input === this.config.input) this.set(String(item.level) === this.config.openWhen ? 'open' : 'closed');
        else if (button && item.input === button.input) {
          const now = String(item.level) === button.pressedWhen ? 'pressed' : 'released';
          // A press is the edge from released into pressed; the board repeating a level is not a second press.
          const press = now === 'pressed' && this.button === 'released';
          this.button = now;
          if (press) this.changes.emit('exit', undefined);
        }
      }
    });
    link.onLost((reason) => {
      if (this.link !== link) return;
      this.link = undefined;
      this.button = 'unknown';
      this.set('unknown');
      this.tracker.set('missing', `port lost: ${reason}`);
    });
    this.tracker.set('connected');
    await link.write(QUERY);
  }

  private set(next: ContactState): void {
    if (next === this.state) return;
    this.state = next;
    this.changes.emit('change', next);
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
    this.tracker.set('closed');
  }

  current(): ContactState {
    return this.state;
  }

  onChange(listener: (state: ContactState) => void): Unsubscribe {
    return this.changes.on('change', listener);
  }

  /** The exit button as the board last reported it (for the technician's device test and tests). */
  exitButton(): 'pressed' | 'released' | 'unknown' {
    return this.button;
  }

  onExitRequest(listener: () => void): Unsubscribe {
    return this.changes.on('exit', () => listener());
  }

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.tracker.on(listener);
  }
}
