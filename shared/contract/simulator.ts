import * as z from 'zod';

/**
 * The simulator panel (/simulator) drives the simulated devices of the
 * embedded default: present a demo card, place and lift demo items on the
 * simulated pad, open and close the simulated door. Main accepts these only
 * when the device in question is simulated.
 */
export const simulatorActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sim.card.present'), number: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('sim.card.remove'), number: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('sim.pin.enter'), pin: z.string().regex(/^[0-9]{0,16}$/) }),
  z.strictObject({
    type: z.literal('sim.item.place'),
    itemId: z.string().min(1).max(64),
    part: z.number().int().min(1).max(99).optional(),
  }),
  z.strictObject({ type: z.literal('sim.item.placeAll'), itemId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('sim.item.lift'), uid: z.string().regex(/^[0-9A-F]{16}$/) }),
  z.strictObject({ type: z.literal('sim.pad.clear') }),
  z.strictObject({ type: z.literal('sim.door.open') }),
  z.strictObject({ type: z.literal('sim.door.close') }),
  /** The exit button inside the door (request to exit). */
  z.strictObject({ type: z.literal('sim.door.exit') }),
  z.strictObject({ type: z.literal('sim.central.offline'), offline: z.boolean() }),
  /** One person walks through the simulated people counter's beams. */
  z.strictObject({ type: z.literal('sim.counter.walk'), direction: z.enum(['in', 'out']) }),
  z.strictObject({ type: z.literal('sim.clock.set'), at: z.iso.datetime({ offset: true }).nullable() }),
]);
export type SimulatorAction = z.infer<typeof simulatorActionSchema>;

const demoPatronSchema = z.object({ cardNumber: z.string(), pin: z.string(), name: z.string(), note: z.string() });
const demoItemSchema = z.object({ itemId: z.string(), title: z.string(), parts: z.number().int(), owner: z.string(), note: z.string() });
const tagOnPadSchema = z.object({
  uid: z.string(),
  itemId: z.string(),
  part: z.number().int(),
  parts: z.number().int(),
  secured: z.boolean(),
});

export const simulatorStateSchema = z.object({
  available: z.boolean(),
  patrons: z.array(demoPatronSchema),
  items: z.array(demoItemSchema),
  pad: z.array(tagOnPadSchema),
  door: z.object({ contact: z.enum(['open', 'closed', 'unknown']), lock: z.enum(['locked', 'unlocked']), alarm: z.boolean() }).optional(),
  /** People inside by the door's count, when a simulated people counter is configured. */
  occupancy: z.number().int().nonnegative().optional(),
  centralOffline: z.boolean(),
  clock: z.string().nullable(),
  /** Text of the last receipt the simulated printer printed, decoded from its ESC/POS bytes. */
  receipt: z.array(z.string()),
});
export type SimulatorState = z.infer<typeof simulatorStateSchema>;
export type DemoPatronView = z.infer<typeof demoPatronSchema>;
export type DemoItemView = z.infer<typeof demoItemSchema>;
