import type { InputBoardCounterConfig } from '../../shared/config/devices/counter.ts';
import type { PassDirection, PeopleCounter } from '../../shared/devices/counter.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { toOpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { InputBoardParser, QUERY } from '../door/codec/input-board.ts';
import { type SerialBinding, SerialLink } from '../serial/link.ts';
import { BeamDirection, PulseEdges } from './codec/beam-direction.ts';

/** Turns input-board levels into passes: beam order (two-beam sensor) or pulse edges (commercial counter). */
export function passDecoder(config: Pick<InputBoardCounterConfig, 'mode' | 'inputs' | 'activeLevel'>) {
  const beams = new BeamDirection();
  const pulses = new PulseEdges();
  return (input: number, level: 0 | 1): PassDirection | undefined => {
    const line = input === config.inputs.a ? 'a' : input === config.inputs.b ? 'b' : undefined;
    if (line === undefined) return undefined;
    const active = String(level) === config.activeLevel;
    return config.mode === 'beams' ? beams.push(line, active) : pulses.push(line === 'a' ? 'in' : 'out', active);
  };
}

/** A people counter wired to a microcontroller input board (`IN<n>=<0|1>` lines over serial). */
export class InputBoardCounter implements PeopleCounter {
  readonly kind = 'people-counter';
  readonly driver = 'input-board';
  private readonly tracker = new StatusTracker();
  private readonly passes = new Emitter<{ pass: PassDirection }>();
  private link: SerialLink | undefined;
  private readonly log: Logger;

  constructor(
    readonly id: string,
    private readonly config: InputBoardCounterConfig,
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
    // A fresh decoder per connection: a crossing half seen before an unplug is not finished by the next one.
    const decode = passDecoder(this.config);
    link.onData((chunk) => {
      for (const item of parser.push(chunk)) {
        if (item.type === 'discarded') {
          this.log.debug({ line: item.line }, 'input board line discarded');
          continue;
        }
        const pass = decode(item.input, item.level);
        if (pass) this.passes.emit('pass', pass);
      }
    });
    link.onLost((reason) => {
      if (this.link !== link) return;
      this.link = undefined;
      this.tracker.set('missing', `port lost: ${reason}`);
    });
    this.tracker.set('connected');
    await link.write(QUERY);
  }

  onPass(listener: (direction: PassDirection) => void): Unsubscribe {
    return this.passes.on('pass', listener);
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
    this.tracker.set('closed');
  }

  status(): DeviceStatus {
    return this.tracker.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.tracker.on(listener);
  }
}
