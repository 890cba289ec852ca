import type { SimulatedCardReader } from '../../devices/card/simulated-card-reader.ts';
import type { SimulatedPeopleCounter } from '../../devices/counter/simulated-counter.ts';
import type { SimulatedDoorSensor } from '../../devices/door/simulated-sensor.ts';
import { nodeHidBinding } from '../../devices/hid/node-hid-binding.ts';
import type { SimulatedPrinter } from '../../devices/printer/simulated-printer.ts';
import {
  createItemPad,
  createRfidCardReader,
  type ReaderItemPad,
  rfidReaderFactories,
  type SimulatedPad,
  type SimulatedRfidReader,
} from '../../devices/rfid/index.ts';
import type { DeviceConfig } from '../../shared/config/devices/index.ts';
import type { CardReader } from '../../shared/devices/card.ts';
import type { RfidReader } from '../../shared/devices/rfid.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DeviceTester } from '../core/ports.ts';
import { registerBuiltinDrivers, type Transports } from '../devices/builtin-drivers.ts';
import { DeviceManager } from '../devices/manager.ts';
import { DriverRegistry } from '../devices/registry.ts';

/** The simulated devices of the embedded default, for the simulator panel. */
export interface SimulatedDevices {
  readonly pad: SimulatedPad | undefined;
  readonly card: SimulatedCardReader | undefined;
  readonly sensor: SimulatedDoorSensor | undefined;
  readonly printer: SimulatedPrinter | undefined;
  readonly counter: SimulatedPeopleCounter | undefined;
}

export interface KioskDevices extends DeviceTester {
  readonly manager: DeviceManager;
  /** The item pad of the first RFID reader, if any. */
  readonly pad: ReaderItemPad | undefined;
  /** Every card source: configured readers plus patron cards laid on the RFID pad. */
  readonly cardReaders: CardReader[];
  readonly simulated: SimulatedDevices;
  stop(): Promise<void>;
}

export function createRegistry(transports: Transports = { hid: nodeHidBinding() }): DriverRegistry {
  const registry = registerBuiltinDrivers(new DriverRegistry(), transports);
  for (const [driver, factory] of Object.entries(rfidReaderFactories)) registry.register('rfid', driver, factory);
  return registry;
}

/**
 * Opens every configured device through the device manager and builds the
 * higher-level views the flows use (item pad, RFID patron cards).
 */
export async function startDevices(configs: readonly DeviceConfig[], logger: Logger, registry = createRegistry()): Promise<KioskDevices> {
  const manager = new DeviceManager(registry, configs, logger);
  await manager.start();
  const byKind = (kind: DeviceConfig['kind']) => configs.filter((c) => c.enabled && c.kind === kind);

  let pad: ReaderItemPad | undefined;
  const rfidCards: CardReader[] = [];
  let simulatedPad: SimulatedPad | undefined;
  for (const config of byKind('rfid')) {
    const reader = manager.get(config.id) as RfidReader | undefined;
    if (!reader) continue;
    const itemPad = createItemPad(reader, config, { logger });
    itemPad.start();
    pad ??= itemPad;
    rfidCards.push(createRfidCardReader(`${config.id}-cards`, reader, itemPad));
    if (config.driver === 'simulated') simulatedPad ??= (reader as SimulatedRfidReader).pad;
  }
  const simulatedOf = <T>(kind: DeviceConfig['kind']) =>
    byKind(kind)
      .filter((c) => c.driver === 'simulated')
      .map((c) => manager.get(c.id) as T | undefined)
      .find((d) => d !== undefined);
  const simulated: SimulatedDevices = {
    pad: simulatedPad,
    card: simulatedOf<SimulatedCardReader>('card-reader'),
    sensor: simulatedOf<SimulatedDoorSensor>('door-sensor'),
    printer: simulatedOf<SimulatedPrinter>('printer'),
    counter: simulatedOf<SimulatedPeopleCounter>('people-counter'),
  };
  await Promise.all(rfidCards.map((c) => c.open()));

  return {
    manager,
    pad,
    cardReaders: [...manager.cardReaders(), ...rfidCards],
    simulated,
    reports: () => manager.reports(),
    get: (id) => manager.get(id),
    padOf: (readerId) => (pad?.id === readerId ? pad : undefined),
    stop: async () => {
      pad?.stop();
      await Promise.all(rfidCards.map((c) => c.close()));
      await manager.stop();
    },
  };
}
