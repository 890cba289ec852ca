import type { InputBoardCounterConfig } from '../../shared/config/devices/counter.ts';
import type { PassDirection, PeopleCounter } from '../../shared/devices/counter.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { type InputLevel, inputBoardFrames, QUERY } from '../door/codec/input-board.ts';
import type { ByteLink } from '../serial/byte-link.ts';
import { PortDevice } from '../serial/port-device.ts';
import { Transactor } from '../serial/transactor.ts';
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
export class InputBoardCounter extends PortDevice<InputBoardCounterConfig> implements PeopleCounter {
  readonly kind = 'people-counter';
  readonly driver = 'input-board';
  private readonly passes = new Emitter<{ pass: PassDirection }>();
  private tx: Transactor<InputLevel> | undefined;

  /** Listens for the board's lines, then asks it for every input. */
  protected override async attach(link: ByteLink): Promise<void> {
    const tx = new Transactor(link, inputBoardFrames(), 0, this.log);
    this.tx = tx;
    // A fresh decoder per connection: a crossing half seen before an unplug is not finished by the next one.
    const decode = passDecoder(this.config);
    tx.onFrame((level) => {
      const pass = decode(level.input, level.level);
      if (pass) this.passes.emit('pass', pass);
    });
    await tx.send(QUERY);
  }

  protected override detach(): void {
    this.tx?.dispose(this.notConnected());
    this.tx = undefined;
  }

  onPass(listener: (direction: PassDirection) => void): Unsubscribe {
    return this.passes.on('pass', listener);
  }
}
