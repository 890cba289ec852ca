/** Public surface of the RFID area: the pad drivers for the registry, the pad and card adapters, codecs for tools. */
import type { RfidReader } from '../../shared/devices/rfid.ts';
import type { Logger } from '../../shared/logger.ts';
import type { PadReader } from './drivers.ts';
import { ReaderItemPad } from './item-pad.ts';
import { RfidCardReader } from './rfid-card-reader.ts';

export { fromHex, toHex } from './codec/bytes.ts';
export { type DecodedTag, decodeTagData, toLibraryTag } from './codec/detect.ts';
export { decodeIso28560Part2, encodeIso28560Part2 } from './codec/iso28560-2.ts';
export { decodeIso28560Part3, encodeIso28560Part3 } from './codec/iso28560-3.ts';
export { type PadReader, padReader, type SimulatedRfidReader, serialPad, simulatedPadDriver, simulatedReader } from './drivers.ts';
export { ReaderItemPad } from './item-pad.ts';
export type { ReaderDefinition } from './readers/reader-definition.ts';
export { RfidCardReader } from './rfid-card-reader.ts';
export { groupSets, type SetStatus } from './sets.ts';
export { type PlaceTag, type SimulatedItem, SimulatedPad, type SimulatedTagInfo } from './simulator/simulated-pad.ts';

/** The ItemPad over a pad's reader (listening from now on), with the AFI/EAS settings of its config entry. */
export function createItemPad(reader: PadReader, ctx: { readonly logger: Logger }): ReaderItemPad {
  const pad = new ReaderItemPad(reader, { ...reader.itemSettings, logger: ctx.logger.child({ device: reader.id, part: 'item-pad' }) });
  pad.start();
  return pad;
}

/** Patron cards laid on the pad as a CardReader (source 'rfid'). */
export function createRfidCardReader(id: string, reader: RfidReader, pad: ReaderItemPad): RfidCardReader {
  return new RfidCardReader(id, reader, pad);
}
