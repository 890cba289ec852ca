export type { DriverContext, Transports } from '../../devices/driver.ts';
export { deviceRegistry } from './drivers.ts';
export type { DeviceReport } from './manager.ts';
export { DeviceManager } from './manager.ts';
export { DeviceRegistry } from './registry.ts';
export { realTransports } from './transports.ts';
