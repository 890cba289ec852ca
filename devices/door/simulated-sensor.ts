import type { ContactState, DoorSensor } from '../../shared/devices/door.ts';
import { SimulatedDevice } from '../simulated-device.ts';
import { Contact } from './contact.ts';

/** The embedded default's door contact: the simulator panel opens and shuts the door. */
export class SimulatedDoorSensor extends SimulatedDevice implements DoorSensor {
  readonly kind = 'door-sensor';
  private readonly contact = new Contact('closed');
  readonly current = this.contact.current;
  readonly onChange = this.contact.onChange;

  set(next: ContactState): void {
    this.contact.set(next);
  }
}
