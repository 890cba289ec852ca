import type { ContactState } from '../../shared/devices/door.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';

/** A door contact's state and its change events (only real changes), for every door sensor driver. */
export class Contact {
  private state: ContactState;
  private readonly changes = new Emitter<{ change: ContactState }>();

  constructor(initial: ContactState = 'unknown') {
    this.state = initial;
  }

  set(next: ContactState): void {
    if (next === this.state) return;
    this.state = next;
    this.changes.emit('change', next);
  }

  readonly current = (): ContactState => this.state;

  readonly onChange = (listener: (state: ContactState) => void): Unsubscribe => this.changes.on('change', listener);
}
