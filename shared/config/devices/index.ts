import * as z from 'zod';
import { DEVICE_KINDS } from '../../devices/kinds.ts';

export const deviceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

/**
 * What every entry may have besides its driver's options: an id, whether
 * it is used, and how long at most the device manager waits between tries
 * to reopen it while it is missing (default 10 s; retries start at 250 ms).
 */
export const deviceEntryBase = {
  id: deviceIdSchema,
  enabled: z.boolean().default(true),
  reconnectMs: z.number().int().min(50).max(60_000).optional(),
};

/**
 * One entry per physical (or simulated) device: what every entry has. The
 * driver's own options are checked strictly at load by the device registry
 * (main/devices/drivers.ts), which knows every driver and its schema: a
 * misspelt option stops the start with the list of valid ones.
 */
export const deviceSchema = z.looseObject({
  ...deviceEntryBase,
  kind: z.enum(DEVICE_KINDS),
  driver: z.string().min(1),
  /** Serial port path (/dev/ttyUSB0, COM3) for serial drivers. */
  port: z.string().optional(),
});
export type DeviceConfig = z.infer<typeof deviceSchema>;

/** The embedded default: every device simulated. */
export const simulatedDevices: DeviceConfig[] = [
  { id: 'pad', kind: 'rfid', driver: 'simulated', enabled: true },
  { id: 'card', kind: 'card-reader', driver: 'simulated', enabled: true },
  { id: 'printer', kind: 'printer', driver: 'simulated', enabled: true },
  { id: 'door-lock', kind: 'door-lock', driver: 'simulated', enabled: true },
  { id: 'door-contact', kind: 'door-sensor', driver: 'simulated', enabled: true },
  { id: 'counter', kind: 'people-counter', driver: 'simulated', enabled: true },
];
