import { z } from 'zod';

/**
 * One entry per physical (or simulated) device. Driver-specific options are
 * validated by the driver's own schema when the device manager creates it;
 * here only what every device has.
 */
export const deviceSchema = z.looseObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  kind: z.enum(['rfid', 'card-reader', 'door-lock', 'door-sensor', 'printer', 'keypad', 'relay-output', 'people-counter']),
  driver: z.string().min(1),
  /** Serial port path (/dev/ttyUSB0, COM3) for serial drivers. */
  port: z.string().optional(),
  enabled: z.boolean().default(true),
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
