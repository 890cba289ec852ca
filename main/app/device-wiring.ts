import type { SimulatedCardReader } from '../../devices/card/simulated-card-reader.ts';
import type { SimulatedPeopleCounter } from '../../devices/counter/simulated-counter.ts';
import type { SimulatedDoorSensor } from '../../devices/door/simulated-sensor.ts';
import type { Transports } from '../../devices/driver.ts';
import type { SimulatedPrinter } from '../../devices/printer/simulated-printer.ts';
import {
  createItemPad,
  createRfidCardReader,
  type PadReader,
  type ReaderItemPad,
  type SimulatedPad,
  type SimulatedRfidReader,
} from '../../devices/rfid/index.ts';
import type { DeviceConfig } from '../../shared/config/devices/index.ts';
import type { CardReader } from '../../shared/devices/card.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DeviceTester } from '../core/ports.ts';
import { deviceRegistry } from '../devices/drivers.ts';
import { DeviceManager } from '../devices/manager.ts';

/** The simulated devices of the embedded default, for the simulator panel. */
export interface SimulatedDevices {
  readonly pad: SimulatedPad | undefined;
  /** How the simulated pad's items are secured (what the exit gate would check). */
  readonly padSettings: PadReader['itemSettings'] | undefined;
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

/**
 * Opens every configured device through the device manager and builds the
 * higher-level views the flows use (item pad, RFID patron cards).
 */
export async function startDevices(
  configs: readonly DeviceConfig[],
  logger: Logger,
  options: { readonly transports?: Transports } = {},
): Promise<KioskDevices> {
  const manager = new DeviceManager(deviceRegistry, configs, logger, options);
  await manager.start();
  const byKind = (kind: DeviceConfig['kind']) => configs.filter((c) => c.enabled && c.kind === kind);

  let pad: ReaderItemPad | undefined;
  const rfidCards: CardReader[] = [];
  let simulatedPad: SimulatedRfidReader | undefined;
  for (const config of byKind('rfid')) {
    const reader = manager.get(config.id) as PadReader | undefined;
    if (!reader) continue;
    const itemPad = createItemPad(reader, { logger });
    itemPad.start();
    pad ??= itemPad;
    rfidCards.push(createRfidCardReader(`${config.id}-cards`, reader, itemPad));
    if (config.driver === 'simulated') simulatedPad ??= reader as SimulatedRfidReader;
  }
  const simulatedOf = <T>(kind: DeviceConfig['kind']) =>
    byKind(kind)
      .filter((c) => c.driver === 'simulated')
      .map((c) => manager.get(c.id) as T | undefined)
      .find((d) => d !== undefined);
  const simulated: SimulatedDevices = {
    pad: simulatedPad?.pad,
    padSettings: simulatedPad?.itemSettings,
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
