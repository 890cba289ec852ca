import { z } from 'zod';

/**
 * Options of a device entry with kind `rfid` (validated by devices/rfid's
 * factories on top of deviceSchema). Baud and parity default per driver:
 * FEIG 38400 8E1, 3M 19200 8N1.
 */
export const rfidOptionsSchema = z.looseObject({
  driver: z.enum(['feig', '3m', 'simulated']),
  port: z.string().optional(),
  baud: z.number().int().positive().optional(),
  parity: z.enum(['none', 'even', 'odd']).optional(),
  /** FEIG bus address (COM-ADR); 255 reaches any reader on a point-to-point line. */
  address: z.number().int().min(0).max(255).default(255),
  /** FEIG framing: standard (LEN <= 255) or advanced (0x02, 16-bit LEN). */
  framing: z.enum(['standard', 'advanced']).default('standard'),
  /** Which wire protocol the simulated pad speaks through the real driver. */
  simulate: z.enum(['feig', '3m']).default('feig'),
  pollIntervalMs: z.number().int().min(20).max(10_000).default(250),
  timeoutMs: z.number().int().min(50).max(10_000).default(1000),
  missesToRemove: z.number().int().min(1).max(20).default(2),
  reconnectMs: z.number().int().min(50).max(60_000).default(2000),
  afiInLibrary: z.number().int().min(0).max(255).default(0x07),
  afiOnLoan: z.number().int().min(0).max(255).default(0xc2),
  security: z.enum(['afi', 'eas', 'both']).default('afi'),
  /** Blocks read first for each tag (8 x 4 bytes holds an ISO 28560-3 basic block). */
  blocks: z.number().int().min(1).max(64).default(8),
});

export type RfidOptions = z.infer<typeof rfidOptionsSchema>;
