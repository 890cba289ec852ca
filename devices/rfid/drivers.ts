import * as z from 'zod';
import type { DeviceConfig } from '../../shared/config/devices/index.ts';
import { type RfidPadOptions, type RfidSerialPadOptions, rfidPadSchema, rfidSerialPadSchema } from '../../shared/config/devices/rfid.ts';
import type { RfidReader } from '../../shared/devices/rfid.ts';
import type { Logger } from '../../shared/logger.ts';
import { type DeviceDriver, defineDriver } from '../driver.ts';
import type { LinkOpener } from '../serial/byte-link.ts';
import { createMemoryLinkPair, type MemoryLink } from '../serial/memory-link.ts';
import { type ItemSettings, SerialRfidReader } from './reader/serial-rfid-reader.ts';
import type { ReaderDefinition } from './readers/reader-definition.ts';
import { SimulatedPad } from './simulator/simulated-pad.ts';

/** The one pad driver, over any reader's protocol and any link (serial port, memory cable to a simulator). */
export function padReader(
  reader: ReaderDefinition,
  o: RfidPadOptions & Pick<DeviceConfig, 'id'> & Record<string, unknown>,
  link: LinkOpener,
  logger: Logger,
  driver: string = reader.name,
): PadReader {
  return new SerialRfidReader({
    id: o.id,
    itemSettings: { afiInLibrary: o.afiInLibrary, afiOnLoan: o.afiOnLoan, security: o.security, blocks: o.blocks },
    driver,
    protocol: reader.protocol(reader.schema.parse(o)),
    link,
    logger: logger.child({ device: o.id, driver }),
    pollIntervalMs: o.pollIntervalMs,
    activePollIntervalMs: o.activePollIntervalMs,
    timeoutMs: o.timeoutMs,
    missesToRemove: o.missesToRemove,
    timeoutsToLose: 3,
  });
}

/** A reader on a serial port: every pad's options, the port's line, and the reader's own. */
export function serialPad(reader: ReaderDefinition): DeviceDriver {
  return defineDriver({
    schema: rfidSerialPadSchema.extend(reader.schema.shape),
    create: async (entry, c) => {
      const { SerialLink } = await import('../serial/link.ts');
      const o = entry as typeof entry & RfidSerialPadOptions;
      const line = { path: o.port, baudRate: o.baud ?? reader.line.baud, parity: o.parity ?? reader.line.parity };
      return padReader(reader, o, () => SerialLink.open({ ...line, binding: c.transports.serial }), c.logger);
    },
  });
}

/** A pad's reader as the registry builds it: the reader, and how items on it are secured. */
export type PadReader = RfidReader & { readonly itemSettings: ItemSettings };

export type SimulatedRfidReader = PadReader & { readonly pad: SimulatedPad; readonly cable: MemoryLink };

/** The simulated pad's options: every pad's, which protocol to speak, and the options of each simulated protocol. */
export function simulatedPadSchema(readers: readonly ReaderDefinition[]) {
  const names = readers.map((r) => r.name) as [string, ...string[]];
  const own = Object.assign({}, ...readers.map((r) => r.schema.shape)) as z.ZodRawShape;
  return rfidPadSchema.extend({ simulate: z.enum(names).default(names[0]), ...own });
}

/**
 * The embedded default: the real pad driver talking bytes to the chosen
 * reader's simulator through an in-memory cable. `pad` places and lifts
 * tags; `cable.unplug()` pulls the cable.
 */
export function simulatedReader(readers: readonly ReaderDefinition[], config: DeviceConfig, logger: Logger): SimulatedRfidReader {
  const o = { ...simulatedPadSchema(readers).parse(config), id: config.id };
  const reader = readers.find((r) => r.name === o.simulate)!;
  const pad = new SimulatedPad();
  const [driverEnd, simEnd] = createMemoryLinkPair();
  void simEnd.open();
  reader.simulate(simEnd, pad, reader.schema.parse(o));
  return Object.assign(
    padReader(reader, o, () => driverEnd.open(), logger, 'simulated'),
    { pad, cable: driverEnd },
  );
}

export function simulatedPadDriver(readers: readonly ReaderDefinition[]): DeviceDriver {
  return defineDriver({ schema: simulatedPadSchema(readers), create: (o, c) => simulatedReader(readers, o, c.logger) });
}
