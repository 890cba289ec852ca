import type { ContactState, DoorSensor } from '../../shared/devices/door.ts';
import type { DeviceStatus } from '../../shared/devices/status.ts';
import { StatusTracker } from '../../shared/devices/status-tracker.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';

/** The embedded default's door contact: the simulator panel opens and shuts the door. */
export class SimulatedDoorSensor implements DoorSensor {
  readonly kind = 'door-sensor';
  readonly driver = 'simulated';
  private readonly tracker = new StatusTracker();
  private readonly changes = new Emitter<{ change: ContactState; exit: undefined }>();
  private state: ContactState = 'closed';

  constructor(readonly id: string) {}

  async open(): Promise<void> {
    this.tracker.set('connected');
  }

  async close(): Promise<void> {
    this.tracker.set('closed');
  }

  set(next: ContactState): void {
    if (next === this.state) return;
    this.state = next;
    this.changes.emit('change', next);
  }

  /** The simulator's exit button inside the door. */
  pressExit(): void {
    this.changes.emit('exit', undefined);
  }

  onExitRequest(listener: () => void): Unsubscribe {
    return this.changes.on('exit', () => listener());
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
