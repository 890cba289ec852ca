import type { z } from 'zod';
import { HidCardReader } from '../../devices/card/hid-card-reader.ts';
import { HidPinPad } from '../../devices/card/hid-pin-pad.ts';
import { SerialCardReader } from '../../devices/card/serial-card-reader.ts';
import { SimulatedCardReader } from '../../devices/card/simulated-card-reader.ts';
import { InputBoardCounter } from '../../devices/counter/input-board-counter.ts';
import { SimulatedPeopleCounter } from '../../devices/counter/simulated-counter.ts';
import { InputBoardSensor } from '../../devices/door/input-board-sensor.ts';
import { LcusBoard } from '../../devices/door/lcus-board.ts';
import { ModemLineSensor } from '../../devices/door/modem-sensor.ts';
import type { RelayBoard } from '../../devices/door/relay-board.ts';
import { RelayLock } from '../../devices/door/relay-lock.ts';
import { BoardRelayOutput } from '../../devices/door/relay-output.ts';
import { SharedRelayBoard } from '../../devices/door/shared-board.ts';
import { SimulatedRelayBoard } from '../../devices/door/simulated-board.ts';
import { SimulatedDoorSensor } from '../../devices/door/simulated-sensor.ts';
import { UsbRelayBoard } from '../../devices/door/usbrelay-board.ts';
import type { HidBinding } from '../../devices/hid/transport.ts';
import { EscposDeviceFilePrinter } from '../../devices/printer/escpos-device-file-printer.ts';
import { EscposPrinter } from '../../devices/printer/escpos-printer.ts';
import { SimulatedPrinter } from '../../devices/printer/simulated-printer.ts';
import type { SerialBinding } from '../../devices/serial/link.ts';
import { hidCardReaderSchema, hidKeypadSchema, serialCardReaderSchema } from '../../shared/config/devices/card.ts';
import { inputBoardCounterSchema } from '../../shared/config/devices/counter.ts';
import { inputBoardSensorSchema, modemSensorSchema } from '../../shared/config/devices/door-sensor.ts';
import type { DeviceConfig } from '../../shared/config/devices/index.ts';
import { escposPrinterSchema } from '../../shared/config/devices/printer.ts';
import { doorLockSchema, lcusRelaySchema, relayOutputSchema, usbRelaySchema } from '../../shared/config/devices/relay.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import type { DriverRegistry } from './registry.ts';

/** The transports the drivers use: real ones in production, simulated ones in tests. */
export interface Transports {
  readonly hid: HidBinding;
  /** serialport binding; default: the native bindings. */
  readonly serial?: SerialBinding;
}

export function parseOptions<S extends z.ZodType>(schema: S, config: DeviceConfig): z.infer<S> {
  const result = schema.safeParse(config);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`);
    throw new OpenBranchError('config.invalid', `device ${config.id} (${config.driver}): ${issues.join('; ')}`, {
      device: config.id,
      issues,
    });
  }
  return result.data;
}

type BoardPool = Map<string, SharedRelayBoard>;

/** The relay board a door-lock or relay-output entry names; entries naming the same board share it. */
function relayBoard(config: DeviceConfig, t: Transports, pool: BoardPool): { board: RelayBoard; relay: number } {
  const shared = (key: string, make: () => RelayBoard): RelayBoard => {
    let share = pool.get(key);
    if (!share) {
      share = new SharedRelayBoard(make());
      pool.set(key, share);
    }
    return share.view();
  };
  if (config.driver === 'lcus') {
    const o = parseOptions(lcusRelaySchema, config);
    return { board: shared(`lcus:${o.port}`, () => new LcusBoard(o.port, o.baudRate, t.serial)), relay: o.relay };
  }
  if (config.driver === 'usbrelay') {
    const o = parseOptions(usbRelaySchema, config);
    const key = `usbrelay:${o.serial ?? o.path ?? 'first'}`;
    return { board: shared(key, () => new UsbRelayBoard(t.hid, { serial: o.serial, path: o.path })), relay: o.relay };
  }
  return { board: new SimulatedRelayBoard(), relay: 1 };
}

/** Registers every driver of this branch (the RFID drivers are registered by their own module). */
export function registerBuiltinDrivers(registry: DriverRegistry, t: Transports): DriverRegistry {
  const pool: BoardPool = new Map();
  registry
    .register('card-reader', 'hid', (c, { logger }) => new HidCardReader(c.id, parseOptions(hidCardReaderSchema, c), t.hid, logger))
    .register(
      'card-reader',
      'serial',
      (c, { logger }) => new SerialCardReader(c.id, parseOptions(serialCardReaderSchema, c), logger, t.serial),
    )
    .register('card-reader', 'simulated', (c) => new SimulatedCardReader(c.id))
    .register('keypad', 'hid', (c, { logger }) => new HidPinPad(c.id, parseOptions(hidKeypadSchema, c), t.hid, logger))
    .register('door-sensor', 'modem-lines', (c) => new ModemLineSensor(c.id, parseOptions(modemSensorSchema, c), t.serial))
    .register(
      'door-sensor',
      'input-board',
      (c, { logger }) => new InputBoardSensor(c.id, parseOptions(inputBoardSensorSchema, c), logger, t.serial),
    )
    .register('door-sensor', 'simulated', (c) => new SimulatedDoorSensor(c.id))
    .register('printer', 'escpos', (c) => new EscposPrinter(c.id, parseOptions(escposPrinterSchema, c), t.serial))
    .register('printer', 'escpos-usb', (c) => new EscposDeviceFilePrinter(c.id, parseOptions(escposPrinterSchema, c)))
    .register('printer', 'simulated', (c) => new SimulatedPrinter(c.id))
    .register(
      'people-counter',
      'input-board',
      (c, { logger }) => new InputBoardCounter(c.id, parseOptions(inputBoardCounterSchema, c), logger, t.serial),
    )
    .register('people-counter', 'simulated', (c) => new SimulatedPeopleCounter(c.id));
  for (const driver of ['lcus', 'usbrelay', 'simulated']) {
    registry.register('door-lock', driver, (c, { logger }) => {
      const { board, relay } = relayBoard(c, t, pool);
      return new RelayLock(c.id, board, relay, logger, parseOptions(doorLockSchema, c).maxPulseMs);
    });
    registry.register('relay-output', driver, (c) => {
      const { board, relay } = relayBoard(c, t, pool);
      return new BoardRelayOutput(c.id, parseOptions(relayOutputSchema, c).role, board, relay);
    });
  }
  return registry;
}
