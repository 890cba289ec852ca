import * as z from 'zod';
import { defineReader } from '../reader-definition.ts';
import { feigProtocol } from './codec/commands.ts';
import { FeigSimulator } from './simulator.ts';

/** FEIG ISC.MR/LR/CPR readers in ISO-host mode (OBID standard or advanced framing), 38400 8E1 by default. */
export const feigReader = defineReader({
  name: 'feig',
  line: { baud: 38400, parity: 'even' },
  schema: z.object({
    /** FEIG bus address (COM-ADR); 255 reaches any reader on a point-to-point line. */
    address: z.number().int().min(0).max(255).default(255),
    /** FEIG framing: standard (LEN <= 255) or advanced (0x02, 16-bit LEN). */
    framing: z.enum(['standard', 'advanced']).default('standard'),
  }),
  protocol: (o) => feigProtocol({ address: o.address, framing: o.framing }),
  // A simulated reader has its own bus address; the driver's broadcast 255 reaches it too.
  simulate: (link, pad, o) => new FeigSimulator(link, pad, { address: o.address === 255 ? 0 : o.address }),
});
