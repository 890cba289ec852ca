import type { Unsubscribe } from '../events.ts';
import type { Device } from './status.ts';

export type PassDirection = 'in' | 'out';

/**
 * A people counter at the entrance: a two-beam direction sensor, or a
 * commercial counter's in/out pulse outputs. Reports each person passing.
 */
export interface PeopleCounter extends Device {
  readonly kind: 'people-counter';
  onPass(listener: (direction: PassDirection) => void): Unsubscribe;
}
