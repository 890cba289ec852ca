import * as z from 'zod';
import { serialOptions } from './usb-id.ts';

/**
 * `kind: people-counter, driver: input-board`: a two-beam direction sensor
 * (`mode: beams`, input `a` the beam on the outside, `b` the one inside) or
 * a commercial counter's pulse outputs (`mode: pulses`, input `a` pulses
 * once per person coming in, `b` per person going out), wired to a
 * microcontroller input board (devices/door/codec/input-board.ts).
 */
export const inputBoardCounterSchema = z.object({
  ...serialOptions,
  mode: z.enum(['beams', 'pulses']).default('beams'),
  inputs: z
    .object({ a: z.number().int().min(1).max(64).default(1), b: z.number().int().min(1).max(64).default(2) })
    .prefault({})
    .refine((i) => i.a !== i.b, 'inputs a and b must differ'),
  /** The level an input reports while its beam is blocked (or its pulse output active). */
  activeLevel: z.enum(['0', '1']).default('1'),
});

export type InputBoardCounterConfig = z.infer<typeof inputBoardCounterSchema>;
