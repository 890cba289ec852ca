import * as z from 'zod';
import { inputBoardSensorSchema, modemSensorSchema } from '../../shared/config/devices/door-sensor.ts';
import { doorLockSchema, lcusRelaySchema, relayOutputSchema, usbRelaySchema } from '../../shared/config/devices/relay.ts';
import type { Device } from '../../shared/devices/status.ts';
import { type DeviceDriver, type DriverContext, defineDriver } from '../driver.ts';
import type { RelayBoard } from './relay-board.ts';

/**
 * A kind of relay board: its options and the board an entry names.
 * Entries naming the same physical board share one (a lock on relay 1,
 * a siren on relay 2 of one LCUS board).
 */
export interface BoardDriver<S extends z.ZodObject> {
  readonly schema: S;
  board(options: z.output<S>, ctx: DriverContext): Promise<{ board: RelayBoard; relay: number }>;
}

const shared = async (ctx: DriverContext, key: string, make: () => RelayBoard): Promise<RelayBoard> => {
  const { SharedRelayBoard } = await import('./shared-board.ts');
  return ctx.shared(key, () => new SharedRelayBoard(make())).view();
};

export const lcusBoard: BoardDriver<typeof lcusRelaySchema> = {
  schema: lcusRelaySchema,
  board: async (o, c) => {
    const { LcusBoard } = await import('./lcus-board.ts');
    return { board: await shared(c, `lcus:${o.port}`, () => new LcusBoard(o.port, o.baudRate, c.transports.serial)), relay: o.relay };
  },
};

export const usbRelayBoard: BoardDriver<typeof usbRelaySchema> = {
  schema: usbRelaySchema,
  board: async (o, c) => {
    const { UsbRelayBoard } = await import('./usbrelay-board.ts');
    const key = `usbrelay:${o.serial ?? o.path ?? 'first'}`;
    return { board: await shared(c, key, () => new UsbRelayBoard(c.transports.hid, { serial: o.serial, path: o.path })), relay: o.relay };
  },
};

const noOptions = z.object({});

/** The embedded default's board: one per device, relay 1. */
export const simulatedBoard: BoardDriver<typeof noOptions> = {
  schema: noOptions,
  board: async () => ({ board: new (await import('./simulated-board.ts')).SimulatedRelayBoard(), relay: 1 }),
};

/** A device on one relay of a board: the board's options plus the device's own. */
function onBoard<S extends z.ZodObject, O extends z.ZodObject>(
  board: BoardDriver<S>,
  own: O,
  build: (options: z.output<O> & { id: string }, board: RelayBoard, relay: number, ctx: DriverContext) => Promise<Device>,
): DeviceDriver {
  return defineDriver({
    schema: board.schema.extend(own.shape),
    create: async (o, c) => {
      const { board: b, relay } = await board.board(o as z.output<S>, c);
      return build(o as typeof o & z.output<O>, b, relay, c);
    },
  });
}

/** The door lock on a board's relay, fail secure (devices/door/relay-lock.ts). */
export const relayLock = <S extends z.ZodObject>(board: BoardDriver<S>): DeviceDriver =>
  onBoard(
    board,
    doorLockSchema,
    async (o, b, relay, c) => new (await import('./relay-lock.ts')).RelayLock(o.id, b, relay, c.logger, o.maxPulseMs),
  );

/** A siren, alarm input or light on a board's relay. */
export const relayOutput = <S extends z.ZodObject>(board: BoardDriver<S>): DeviceDriver =>
  onBoard(
    board,
    relayOutputSchema,
    async (o, b, relay) => new (await import('./relay-output.ts')).BoardRelayOutput(o.id, o.role, b, relay),
  );

export const modemLineSensor = defineDriver({
  schema: modemSensorSchema,
  create: async (o, c) => new (await import('./modem-sensor.ts')).ModemLineSensor(o.id, o, c.logger, c.transports.serial),
});

export const inputBoardSensor = defineDriver({
  schema: inputBoardSensorSchema,
  create: async (o, c) => new (await import('./input-board-sensor.ts')).InputBoardSensor(o.id, o, c.logger, c.transports.serial),
});

export const simulatedDoorSensor = defineDriver({
  schema: z.object({}),
  create: async (o) => new (await import('./simulated-sensor.ts')).SimulatedDoorSensor(o.id),
});
