/** Public surface of the RFID area: the pad drivers for the registry, the pad and card adapters, codecs for tools. */
import type { DeviceConfig } from '../../shared/config/devices/index.ts';
import { rfidPadSchema } from '../../shared/config/devices/rfid.ts';
import type { RfidReader } from '../../shared/devices/rfid.ts';
import type { Logger } from '../../shared/logger.ts';
import { ReaderItemPad } from './item-pad.ts';
import { RfidCardReader } from './rfid-card-reader.ts';

export { fromHex, toHex } from './codec/bytes.ts';
export { type DecodedTag, decodeTagData, toLibraryTag } from './codec/detect.ts';
export { decodeIso28560Part2, encodeIso28560Part2 } from './codec/iso28560-2.ts';
export { decodeIso28560Part3, encodeIso28560Part3 } from './codec/iso28560-3.ts';
export { padReader, type SimulatedRfidReader, serialPad, simulatedPadDriver, simulatedReader } from './drivers.ts';
export { ReaderItemPad } from './item-pad.ts';
export type { ReaderDefinition } from './readers/reader-definition.ts';
export { RfidCardReader } from './rfid-card-reader.ts';
export { groupSets, type SetStatus } from './sets.ts';
export { type PlaceTag, type SimulatedItem, SimulatedPad, type SimulatedTagInfo } from './simulator/simulated-pad.ts';

/** The ItemPad over a reader (already listening), with AFI/EAS settings from the device's config entry. */
export function createItemPad(reader: RfidReader, config: DeviceConfig, ctx: { readonly logger: Logger }): ReaderItemPad {
  const o = rfidPadSchema.parse(config);
  const pad = new ReaderItemPad(reader, {
    afiInLibrary: o.afiInLibrary,
    afiOnLoan: o.afiOnLoan,
    security: o.security,
    blocks: o.blocks,
    logger: ctx.logger.child({ device: config.id, part: 'item-pad' }),
  });
  pad.start();
  return pad;
}

/** Patron cards laid on the pad as a CardReader (source 'rfid'). */
export function createRfidCardReader(id: string, reader: RfidReader, pad: ReaderItemPad): RfidCardReader {
  return new RfidCardReader(id, reader, pad);
}
