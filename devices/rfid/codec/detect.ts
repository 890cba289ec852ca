import type { LibraryTag } from '../../../shared/devices/rfid.ts';
import { isOpenBranchError, OpenBranchError } from '../../../shared/errors.ts';
import { decodeIso28560Part2, type Iso28560Part2 } from './iso28560-2.ts';
import { decodeIso28560Part3, type Iso28560Part3 } from './iso28560-3.ts';

/**
 * Auto-detection between the two library data models. ISO 28560-3 is tried
 * first because its CRC makes a false positive practically impossible;
 * ISO 28560-2 must start with a primary-item-id data set and end cleanly.
 */
export interface BlankTag {
  readonly model: 'blank';
  readonly variant: 'standard';
}

export type DecodedTag = Iso28560Part3 | Iso28560Part2 | BlankTag;

const isBlank = (data: Uint8Array) => data.length > 0 && (data.every((b) => b === 0) || data.every((b) => b === 0xff));

export function decodeTagData(data: Uint8Array): DecodedTag {
  if (isBlank(data.subarray(0, 32))) return { model: 'blank', variant: 'standard' };
  let part3Error: OpenBranchError | undefined;
  try {
    return decodeIso28560Part3(data);
  } catch (e) {
    if (!isOpenBranchError(e)) throw e;
    part3Error = e;
  }
  try {
    return decodeIso28560Part2(data);
  } catch (e) {
    if (!isOpenBranchError(e)) throw e;
    if (e.code === 'codec.iso28560-2.truncated') throw e; // caller may read more blocks
    // Report the part-3 reason when the data looks like part 3 (version nibble 1 on either side).
    const b0 = data[0] ?? 0;
    const looksPart3 = data.length >= 32 && (b0 >> 4 === 1 || (b0 & 0x0f) === 1) && part3Error.code === 'codec.iso28560-3.crc';
    if (looksPart3) throw part3Error;
    throw new OpenBranchError('codec.tag.unknown', 'data matches neither ISO 28560-3 nor ISO 28560-2', {
      part3: part3Error.code,
      part2: e.code,
    });
  }
}

/** The part of a decoded tag the flows use. */
export function toLibraryTag(uid: string, tag: DecodedTag): LibraryTag {
  if (tag.model === 'blank') return { uid, model: 'blank', variant: 'standard', usage: 'other', itemId: '', partsInSet: 1, partNumber: 1 };
  const base = {
    uid,
    model: tag.model,
    variant: tag.variant,
    usage: tag.usage,
    itemId: tag.itemId,
    partsInSet: tag.partsInSet,
    partNumber: tag.partNumber,
  };
  if (tag.model === 'iso28560-3') {
    return { ...base, ...(tag.country ? { country: tag.country } : {}), ...(tag.isil ? { isil: tag.isil } : {}) };
  }
  return { ...base, ...(tag.isil ? { isil: tag.isil } : {}) };
}
