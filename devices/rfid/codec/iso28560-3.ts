import type { UsageType } from '../../../shared/devices/rfid.ts';
import { type Iso28560Part3Failure, OpenBranchError } from '../../../shared/errors.ts';
import { reverseEachBlock } from './bytes.ts';
import { crc16Ccitt } from './crc.ts';
import { classOfUsage, usageOfClass } from './usage.ts';

/**
 * ISO 28560-3 ("Danish data model"): a fixed 32-byte basic block
 *   0 version (high nibble) | type of usage (low nibble)
 *   1 parts in set, 2 part number, 3..18 primary item id (NUL padded)
 *   19..20 CRC-16 (LSB first), 21..22 country, 23..31 ISIL (NUL padded)
 * followed by optional blocks [length][id LSB][id MSB][data...][xor].
 * The CRC is CCITT over bytes 0..18 and 21..31 followed by two zero bytes
 * (as in the public libdanrfid reference implementation).
 */
export const BASIC_BLOCK_SIZE = 32;

export interface OptionalBlock {
  readonly id: number;
  readonly data: Uint8Array;
}

export interface Iso28560Part3 {
  readonly model: 'iso28560-3';
  /** "standard" or quirks joined with "+": block-reversed, nibble-swapped, set-swapped. */
  readonly variant: string;
  readonly version: number;
  readonly usageClass: number;
  readonly usage: UsageType;
  readonly partsInSet: number;
  readonly partNumber: number;
  readonly itemId: string;
  readonly country: string;
  readonly isil: string;
  readonly crcValid: true;
  readonly optionalBlocks: readonly OptionalBlock[];
}

export interface Iso28560Part3Input {
  readonly itemId: string;
  readonly partsInSet?: number;
  readonly partNumber?: number;
  readonly usage?: UsageType;
  readonly country?: string;
  readonly isil?: string;
  readonly optionalBlocks?: readonly OptionalBlock[];
}

const fail = (reason: Iso28560Part3Failure, message: string, details: Record<string, unknown> = {}) =>
  new OpenBranchError(`codec.iso28560-3.${reason}`, message, details);

export function basicBlockCrc(block: Uint8Array): number {
  const covered = new Uint8Array(32);
  covered.set(block.subarray(0, 19), 0);
  covered.set(block.subarray(21, 32), 19);
  return crc16Ccitt(covered);
}

function text(bytes: Uint8Array, field: string): string {
  const end = bytes.indexOf(0);
  const used = end === -1 ? bytes : bytes.subarray(0, end);
  if (used.some((b) => b < 0x20 || b > 0x7e)) throw fail('text', `${field} is not printable ASCII`, { field });
  if (end !== -1 && bytes.subarray(end).some((b) => b !== 0)) throw fail('text', `${field} has data after its padding`, { field });
  return String.fromCharCode(...used);
}

function putText(target: Uint8Array, at: number, size: number, value: string, field: string): void {
  if (value.length > size || !/^[\x20-\x7e]*$/.test(value)) {
    throw fail('field', `${field} must be at most ${size} printable ASCII characters`, { field });
  }
  for (let i = 0; i < value.length; i++) target[at + i] = value.charCodeAt(i);
}

function optionalBlocks(rest: Uint8Array): OptionalBlock[] {
  const blocks: OptionalBlock[] = [];
  let at = 0;
  while (at < rest.length && rest[at] !== 0) {
    const length = rest[at]!;
    // A block that does not fit or has a wrong check ends the optional data: trailing
    // memory on real tags is often garbage, and the basic block is already trusted.
    if (length < 4 || at + length > rest.length) break;
    const block = rest.subarray(at, at + length);
    if (block.reduce((x, b) => x ^ b, 0) !== 0) break;
    blocks.push({ id: block[1]! | (block[2]! << 8), data: block.slice(3, length - 1) });
    at += length;
  }
  return blocks;
}

function decodeOrdered(data: Uint8Array, reversed: boolean): Iso28560Part3 | undefined {
  const block = data.subarray(0, BASIC_BLOCK_SIZE);
  const stored = block[19]! | (block[20]! << 8);
  if (basicBlockCrc(block) !== stored) return undefined;
  const quirks: string[] = reversed ? ['block-reversed'] : [];
  const b0 = block[0]!;
  let version = b0 >> 4;
  let usageClass = b0 & 0x0f;
  if (version !== 1 && usageClass === 1) {
    [version, usageClass] = [usageClass, version];
    quirks.push('nibble-swapped');
  }
  if (version !== 1) throw fail('version', 'unsupported data model version', { version });
  let partsInSet = block[1]!;
  let partNumber = block[2]!;
  if (partNumber > partsInSet && partsInSet !== 0) {
    [partsInSet, partNumber] = [partNumber, partsInSet];
    quirks.push('set-swapped');
  }
  // Some encoders write 0/0 for "not part of a set".
  if (partsInSet === 0) partsInSet = 1;
  if (partNumber === 0) partNumber = 1;
  return {
    model: 'iso28560-3',
    variant: quirks.length === 0 ? 'standard' : quirks.join('+'),
    version,
    usageClass,
    usage: usageOfClass(usageClass),
    partsInSet,
    partNumber,
    itemId: text(block.subarray(3, 19), 'primary item id'),
    country: text(block.subarray(21, 23), 'country'),
    isil: text(block.subarray(23, 32), 'ISIL'),
    crcValid: true,
    optionalBlocks: optionalBlocks(data.subarray(BASIC_BLOCK_SIZE)),
  };
}

/**
 * Tries the byte order as read, then block-reversed. A 16-bit CRC matches by chance
 * about once in 65,536 reads of the wrong order, so a match that then fails to decode
 * does not hide the other order: its error is raised only if that order fails too.
 */
function firstOrder(data: Uint8Array): Iso28560Part3 | undefined {
  let straight: Iso28560Part3 | undefined;
  let straightError: unknown;
  try {
    straight = decodeOrdered(data, false);
  } catch (e) {
    straightError = e;
  }
  if (straight) return straight;
  const reversed = decodeOrdered(reverseEachBlock(data), true);
  if (reversed) return reversed;
  if (straightError) throw straightError;
  return undefined;
}

/** Decodes tag memory as ISO 28560-3, trying the byte orders real readers deliver. */
export function decodeIso28560Part3(data: Uint8Array): Iso28560Part3 {
  if (data.length < BASIC_BLOCK_SIZE) throw fail('short', 'fewer than 32 bytes', { length: data.length });
  const tag = firstOrder(data);
  if (!tag) throw fail('crc', 'CRC does not match in any known variant');
  if (tag.itemId.length === 0) throw fail('item-id', 'primary item id is empty');
  return tag;
}

export function encodeIso28560Part3(input: Iso28560Part3Input): Uint8Array {
  const parts = input.partsInSet ?? 1;
  const part = input.partNumber ?? 1;
  if (!Number.isInteger(parts) || !Number.isInteger(part) || parts < 1 || parts > 255 || part < 1 || part > parts) {
    throw fail('field', 'set information must satisfy 1 <= part <= parts <= 255', { parts, part });
  }
  if (input.itemId.length === 0) throw fail('item-id', 'primary item id is empty');
  const extra = (input.optionalBlocks ?? []).map(encodeOptionalBlock);
  const out = new Uint8Array(BASIC_BLOCK_SIZE + extra.reduce((n, b) => n + b.length, 0));
  out[0] = 0x10 | classOfUsage(input.usage ?? 'item');
  out[1] = parts;
  out[2] = part;
  putText(out, 3, 16, input.itemId, 'primary item id');
  putText(out, 21, 2, input.country ?? '', 'country');
  putText(out, 23, 9, input.isil ?? '', 'ISIL');
  const crc = basicBlockCrc(out);
  out[19] = crc & 0xff;
  out[20] = crc >> 8;
  let at = BASIC_BLOCK_SIZE;
  for (const b of extra) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function encodeOptionalBlock(block: OptionalBlock): Uint8Array {
  const length = block.data.length + 4;
  if (length > 255 || block.id < 0 || block.id > 0xffff) throw fail('field', 'optional block too long or id out of range');
  const out = new Uint8Array(length);
  out[0] = length;
  out[1] = block.id & 0xff;
  out[2] = block.id >> 8;
  out.set(block.data, 3);
  out[length - 1] = out.subarray(0, length - 1).reduce((x, b) => x ^ b, 0);
  return out;
}
