import { nodeHidBinding } from '../../devices/hid/node-hid-binding.ts';
import type { DeviceConfig } from '../../shared/config/devices/index.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Backoff } from './backoff.ts';
import { registerBuiltinDrivers, type Transports } from './builtin-drivers.ts';
import { DeviceManager } from './manager.ts';
import { DriverRegistry } from './registry.ts';

export { registerBuiltinDrivers, type Transports } from './builtin-drivers.ts';
export type { DeviceReport } from './manager.ts';
export { DeviceManager } from './manager.ts';
export type { DeviceFactory, DriverContext } from './registry.ts';
export { DriverRegistry } from './registry.ts';

/** The real transports: node-hid (loaded on first use) and serialport's native bindings. */
export function realTransports(): Transports {
  return { hid: nodeHidBinding() };
}

/**
 * The composition root's one-liner: a registry with this module's drivers
 * (add the RFID factories with `registry.register('rfid', ...)` before
 * calling), and a manager over the configured devices.
 */
export function createDeviceManager(
  configs: readonly DeviceConfig[],
  logger: Logger,
  options: { transports?: Transports; registry?: DriverRegistry; backoff?: Backoff } = {},
): DeviceManager {
  const registry = registerBuiltinDrivers(options.registry ?? new DriverRegistry(), options.transports ?? realTransports());
  return new DeviceManager(registry, configs, logger, options.backoff);
}
