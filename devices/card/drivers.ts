import * as z from 'zod';
import { hidCardReaderSchema, hidKeypadSchema, serialCardReaderSchema } from '../../shared/config/devices/card.ts';
import { defineDriver } from '../driver.ts';

/** Card readers and PIN pads; each loads its code (serialport, node-hid) only when one is built. */
export const hidCardReader = defineDriver({
  schema: hidCardReaderSchema,
  create: async (o, c) => new (await import('./hid-card-reader.ts')).HidCardReader(o.id, o, c.transports.hid, c.logger),
});

export const serialCardReader = defineDriver({
  schema: serialCardReaderSchema,
  create: async (o, c) => new (await import('./serial-card-reader.ts')).SerialCardReader(o.id, o, c.logger, c.transports.serial),
});

export const simulatedCardReader = defineDriver({
  schema: z.object({}),
  create: async (o) => new (await import('./simulated-card-reader.ts')).SimulatedCardReader(o.id),
});

export const hidKeypad = defineDriver({
  schema: hidKeypadSchema,
  create: async (o, c) => new (await import('./hid-pin-pad.ts')).HidPinPad(o.id, o, c.transports.hid, c.logger),
});
