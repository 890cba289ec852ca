import type * as z from 'zod';
import type { DeviceConfig } from '../shared/config/devices/index.ts';
import type { Device } from '../shared/devices/status.ts';
import type { Logger } from '../shared/logger.ts';
import type { HidBinding } from './hid/transport.ts';
import type { SerialBinding } from './serial/link.ts';

/** The transports drivers speak through: the real ones in production, simulated ones in tests. */
export interface Transports {
  readonly hid: HidBinding;
  /** serialport binding; default: the native bindings. */
  readonly serial?: SerialBinding | undefined;
}

/** What a driver gets besides its options when the registry builds a device. */
export interface DriverContext {
  readonly logger: Logger;
  readonly transports: Transports;
  /**
   * One object per key among the devices built together: a relay board
   * used by the lock and a siren is opened once (a serial port can be).
   */
  shared<T>(key: string, make: () => T): T;
}

/**
 * One driver as the device registry knows it: the schema of its options
 * (strict: a misspelt option is refused at load) and how to build the
 * device from them. `create` may load the driver's code on first use, so
 * reading a config never loads serialport or node-hid.
 */
export interface DeviceDriver<S extends z.ZodObject = z.ZodObject> {
  readonly schema: S;
  create(options: z.output<S> & DeviceConfig, ctx: DriverContext): Device | Promise<Device>;
}

/** Declares a driver with its option types inferred from the schema. */
export const defineDriver = <S extends z.ZodObject>(driver: DeviceDriver<S>): DeviceDriver<S> => driver;

/** The context for one set of devices built together (a kiosk's, a CLI command's): one pool of shared boards. */
export function driverContext(logger: Logger, transports: Transports): DriverContext {
  const pool = new Map<string, unknown>();
  return {
    logger,
    transports,
    shared: <T>(key: string, make: () => T): T => {
      if (!pool.has(key)) pool.set(key, make());
      return pool.get(key) as T;
    },
  };
}
