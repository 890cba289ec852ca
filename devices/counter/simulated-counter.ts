import type { PassDirection, PeopleCounter } from '../../shared/devices/counter.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { encodeLevel, InputBoardParser } from '../door/codec/input-board.ts';
import { SimulatedDevice } from '../simulated-device.ts';
import { passDecoder } from './input-board-counter.ts';

/** The beam sequence of one person walking through: A then B for `in`, B then A for `out`. */
export function walkLevels(direction: PassDirection): Array<{ input: 1 | 2; level: 0 | 1 }> {
  const [first, second] = direction === 'in' ? ([1, 2] as const) : ([2, 1] as const);
  return [
    { input: first, level: 1 },
    { input: second, level: 1 },
    { input: first, level: 0 },
    { input: second, level: 0 },
  ];
}

/**
 * The embedded default's people counter: the simulator panel walks people
 * through, and each walk is the two-beam board's own `IN<n>=<0|1>` lines,
 * parsed and decoded by the same code a real board's bytes go through.
 */
export class SimulatedPeopleCounter extends SimulatedDevice implements PeopleCounter {
  readonly kind = 'people-counter';
  private readonly passes = new Emitter<{ pass: PassDirection }>();
  private readonly parser = new InputBoardParser();
  private readonly decode = passDecoder({ mode: 'beams', inputs: { a: 1, b: 2 }, activeLevel: '1' });

  /** One person walks through the beams. */
  walk(direction: PassDirection): void {
    for (const { input, level } of walkLevels(direction)) this.receive(encodeLevel(input, level));
  }

  private receive(bytes: Uint8Array): void {
    for (const item of this.parser.push(bytes)) {
      if (item.type !== 'level') continue;
      const pass = this.decode(item.input, item.level);
      if (pass) this.passes.emit('pass', pass);
    }
  }

  onPass(listener: (direction: PassDirection) => void): Unsubscribe {
    return this.passes.on('pass', listener);
  }
}
