import * as z from 'zod';
import { defineReader } from '../reader-definition.ts';
import { threeMProtocol } from './codec/commands.ts';
import { ThreeMSimulator } from './simulator.ts';

/** 3M / bibliotheca 210 and 810 pads (the 0xD6 protocol captured by Biblio::RFID), 19200 8N1 by default. */
export const threeMReader = defineReader({
  name: '3m',
  line: { baud: 19200, parity: 'none' },
  schema: z.object({}),
  protocol: () => threeMProtocol(),
  simulate: (link, pad) => new ThreeMSimulator(link, pad),
});
