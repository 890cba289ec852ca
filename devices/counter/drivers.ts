import * as z from 'zod';
import { inputBoardCounterSchema } from '../../shared/config/devices/counter.ts';
import { defineDriver } from '../driver.ts';

/** People counters at the entrance. */
export const inputBoardCounter = defineDriver({
  schema: inputBoardCounterSchema,
  create: async (o, c) => new (await import('./input-board-counter.ts')).InputBoardCounter(o.id, o, c.logger, c.transports.serial),
});

export const simulatedPeopleCounter = defineDriver({
  schema: z.object({}),
  create: async (o) => new (await import('./simulated-counter.ts')).SimulatedPeopleCounter(o.id),
});
