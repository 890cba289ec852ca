import * as z from 'zod';

/**
 * Options every RFID pad takes (`kind: rfid`, any driver): polling and the
 * item security the kiosk writes. Reader protocols add their own (FEIG:
 * address, framing) next to their code in devices/rfid/readers/.
 */
export const rfidPadSchema = z.object({
  /** Pause between inventories at the start screen, when only a patron card is expected. */
  pollIntervalMs: z.number().int().min(20).max(10_000).default(250),
  /**
   * Pause between inventories while a session is open, so a placed item is
   * seen within a few tens of ms (an inventory with a few tags takes ~5-30 ms
   * on the wire at 38400 baud, so the line stays mostly free for tag writes).
   */
  activePollIntervalMs: z.number().int().min(20).max(10_000).default(40),
  timeoutMs: z.number().int().min(50).max(10_000).default(1000),
  missesToRemove: z.number().int().min(1).max(20).default(2),
  afiInLibrary: z.number().int().min(0).max(255).default(0x07),
  afiOnLoan: z.number().int().min(0).max(255).default(0xc2),
  security: z.enum(['afi', 'eas', 'both']).default('afi'),
  /** Blocks read first for each tag (8 x 4 bytes holds an ISO 28560-3 basic block). */
  blocks: z.number().int().min(1).max(64).default(8),
});

/** A pad on a serial port; baud and parity default per reader (FEIG 38400 8E1, 3M 19200 8N1). */
export const rfidSerialPadSchema = rfidPadSchema.extend({
  port: z.string().min(1),
  baud: z.number().int().positive().optional(),
  parity: z.enum(['none', 'even', 'odd']).optional(),
});

export type RfidPadOptions = z.infer<typeof rfidPadSchema>;
export type RfidSerialPadOptions = z.infer<typeof rfidSerialPadSchema>;
