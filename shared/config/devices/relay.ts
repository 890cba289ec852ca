import * as z from 'zod';
import { RELAY_ROLES } from '../../devices/kinds.ts';
import { serialOptions } from './usb-id.ts';

/**
 * Relay boards drive both the door lock (`kind: door-lock`) and plain outputs
 * (`kind: relay-output`: siren, alarm panel, lights). Channels count from 1.
 */
const channel = { relay: z.number().int().min(1).max(8).default(1) };

export const lcusRelaySchema = z.object({ ...serialOptions, ...channel });

export const usbRelaySchema = z.object({
  /** The board's 5-character serial from the feature report; needed when several boards are plugged in. */
  serial: z.string().max(5).optional(),
  /** hidraw path, as listed by `openbranch devices`. */
  path: z.string().optional(),
  ...channel,
});

export const doorLockSchema = z.object({
  /** Upper bound for pulse(ms): a bug elsewhere can never hold the door open for long. */
  maxPulseMs: z.number().int().positive().default(30_000),
});

export const relayOutputSchema = z.object({
  /** What the output is for; the manager hands outputs out by role. */
  role: z.enum(RELAY_ROLES).default('output'),
});

export type LcusRelayConfig = z.infer<typeof lcusRelaySchema>;
export type UsbRelayConfig = z.infer<typeof usbRelaySchema>;
