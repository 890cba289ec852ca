import type { Logger } from '../../shared/logger.ts';
import { type SerialBinding, type SerialLink, serialPort } from './link.ts';
import { SerialDevice } from './serial-device.ts';

/** What a serial driver's config names: its port and speed. */
export interface PortConfig {
  readonly port: string;
  readonly baudRate: number;
}

/** A device on the serial port its config entry names, with a logger of its own. */
export abstract class PortDevice<C extends PortConfig> extends SerialDevice<SerialLink> {
  abstract readonly driver: string;
  #log: Logger | undefined;

  constructor(
    readonly id: string,
    protected readonly config: C,
    private readonly logger: Logger,
    binding?: SerialBinding,
  ) {
    super(serialPort(config, binding));
  }

  protected get log(): Logger {
    this.#log ??= this.logger.child({ device: this.id, driver: this.driver });
    return this.#log;
  }
}
