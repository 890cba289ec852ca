import type { ContactState, DoorSensor } from '../../shared/devices/door.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import { SimulatedDevice } from '../simulated-device.ts';
import { Contact } from './contact.ts';

/** The embedded default's door contact: the simulator panel opens and shuts the door and presses its exit button. */
export class SimulatedDoorSensor extends SimulatedDevice implements DoorSensor {
  readonly kind = 'door-sensor';
  private readonly contact = new Contact('closed');
  private readonly exits = new Emitter<{ exit: undefined }>();
  readonly current = this.contact.current;
  readonly onChange = this.contact.onChange;

  set(next: ContactState): void {
    this.contact.set(next);
  }

  /** The simulator's exit button inside the door. */
  pressExit(): void {
    this.exits.emit('exit', undefined);
  }

  hasExitButton(): boolean {
    return true;
  }

  onExitRequest(listener: () => void): Unsubscribe {
    return this.exits.on('exit', () => listener());
  }
}
