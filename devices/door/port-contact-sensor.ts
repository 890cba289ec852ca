import type { DoorSensor } from '../../shared/devices/door.ts';
import { type PortConfig, PortDevice } from '../serial/port-device.ts';
import { Contact } from './contact.ts';

/** A door contact read over a serial port (modem lines, an input board): unknown whenever the port is not open. */
export abstract class PortContactSensor<C extends PortConfig> extends PortDevice<C> implements DoorSensor {
  readonly kind = 'door-sensor';
  protected readonly contact = new Contact();
  readonly current = this.contact.current;
  readonly onChange = this.contact.onChange;

  protected override detach(): void {
    this.contact.set('unknown');
  }
}
