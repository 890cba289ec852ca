import type { UsageType } from '../../../shared/devices/rfid.ts';
import { type Iso28560Part2Failure, OpenBranchError } from '../../../shared/errors.ts';
import { concat } from './bytes.ts';
import { Compaction, type CompactionCode, chooseCompaction, compact, decompact } from './compaction.ts';
import { decodeIsil, encodeIsil } from './isil.ts';
import { MAX_OID, OID_NAMES, Oid } from './iso28560-2-oids.ts';
import { classOfUsage, usageOfClass } from './usage.ts';

/**
 * ISO 28560-2 (ISO/IEC 15962 "no directory" access method): a run of data
 * sets, each [precursor][ext OID?][offset?][length][data][pad * offset],
 * ended by a zero byte. Precursor: bit 7 offset flag, bits 6-4 compaction,
 * bits 3-0 relative OID (15 = "15 + next byte"). The primary item id comes first.
 */
export interface DataElement {
  readonly oid: number;
  readonly name: string;
  readonly compaction: number;
  readonly value: string;
}

export interface Iso28560Part2 {
  readonly model: 'iso28560-2';
  readonly variant: 'standard';
  readonly itemId: string;
  readonly isil?: string;
  readonly partsInSet: number;
  readonly partNumber: number;
  readonly usageClass?: number;
  readonly usage: UsageType;
  readonly elements: readonly DataElement[];
}

export interface Iso28560Part2Input {
  readonly itemId: string;
  readonly isil?: string;
  readonly partsInSet?: number;
  readonly partNumber?: number;
  readonly usage?: UsageType;
  /** Further elements by OID, encoded with the smallest compaction. */
  readonly extra?: Readonly<Record<number, string>>;
}

/** Elements whose encoding ISO 28560-2 defines itself (content parameter, ISILs, type of usage, GS1 id). */
const APPLICATION_DEFINED = new Set<number>([
  Oid.contentParameter,
  Oid.ownerIsil,
  Oid.typeOfUsage,
  Oid.illBorrowingIsil,
  Oid.gs1ProductId,
  Oid.alternativeOwnerIsil,
]);

const fail = (reason: Iso28560Part2Failure, message: string, details: Record<string, unknown> = {}) =>
  new OpenBranchError(`codec.iso28560-2.${reason}`, message, details);

function decodeValue(oid: number, scheme: number, data: Uint8Array): string {
  if (scheme !== Compaction.application) return decompact(data, scheme);
  if (oid === Oid.ownerIsil || oid === Oid.illBorrowingIsil || oid === Oid.alternativeOwnerIsil) return decodeIsil(data);
  if (oid === Oid.typeOfUsage) {
    if (data.length !== 1) throw fail('element', 'type of usage is one byte');
    return data[0]!.toString(16).padStart(2, '0').toUpperCase();
  }
  if (oid === Oid.contentParameter) {
    const listed: number[] = [];
    data.forEach((b, i) => {
      for (let bit = 0; bit < 8; bit++) if (b & (0x80 >> bit)) listed.push(3 + i * 8 + bit);
    });
    return listed.join(',');
  }
  return Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Parses the data sets; throws `codec.iso28560-2.truncated` when memory ends before the terminator. */
export function decodeIso28560Part2(memory: Uint8Array): Iso28560Part2 {
  const elements: DataElement[] = [];
  let at = 0;
  const need = (n: number) => {
    if (at + n > memory.length) throw fail('truncated', 'data set runs past the data read', { at, need: n });
  };
  for (;;) {
    if (at >= memory.length) throw fail('truncated', 'no terminator in the data read', { at });
    const precursor = memory[at++]!;
    if (precursor === 0) break;
    let oid = precursor & 0x0f;
    if (oid === 0x0f) {
      need(1);
      oid = 15 + memory[at++]!;
    }
    if (elements.length === 0 && oid !== Oid.primaryItemId) throw fail('item-id', 'first data set is not the primary item id');
    // 27..31 are reserved; a repeated OID never happens on a well-formed tag.
    if (oid > 26) throw fail('oid', 'reserved relative OID', { oid });
    if (elements.some((e) => e.oid === oid)) throw fail('oid', 'relative OID repeated', { oid });
    if (((precursor >> 4) & 0x07) === Compaction.application && !APPLICATION_DEFINED.has(oid)) {
      throw fail('compaction', 'application-defined compaction on an element that has none', { oid });
    }
    let offset = 0;
    if (precursor & 0x80) {
      need(1);
      offset = memory[at++]!;
    }
    need(1);
    const length = memory[at++]!;
    need(length + offset);
    const data = memory.subarray(at, at + length);
    at += length + offset;
    if (length === 0) throw fail('element', 'empty data set', { oid });
    elements.push({
      oid,
      name: OID_NAMES[oid] ?? `oid${oid}`,
      compaction: (precursor >> 4) & 0x07,
      value: decodeValue(oid, (precursor >> 4) & 0x07, data),
    });
  }
  const first = elements[0];
  if (!first || first.oid !== Oid.primaryItemId) throw fail('item-id', 'first data set is not the primary item id');
  const byOid = (oid: number) => elements.find((e) => e.oid === oid)?.value;
  const set = parseSet(byOid(Oid.setInformation));
  const usageHex = byOid(Oid.typeOfUsage);
  const usageClass = usageHex === undefined ? undefined : Number.parseInt(usageHex, 16) >> 4;
  const isil = byOid(Oid.ownerIsil);
  return {
    model: 'iso28560-2',
    variant: 'standard',
    itemId: first.value,
    ...(isil === undefined ? {} : { isil }),
    partsInSet: set.parts,
    partNumber: set.part,
    ...(usageClass === undefined ? {} : { usageClass }),
    usage: usageClass === undefined ? 'item' : usageOfClass(usageClass),
    elements,
  };
}

/** Set information: total parts then part number, equal-width digits ("0302" = part 2 of 3). */
function parseSet(value: string | undefined): { parts: number; part: number } {
  if (value === undefined) return { parts: 1, part: 1 };
  if (!/^[0-9]+$/.test(value) || value.length % 2 !== 0) throw fail('element', 'set information is an even run of digits');
  const half = value.length / 2;
  const parts = Number(value.slice(0, half));
  const part = Number(value.slice(half));
  if (parts < 1 || part < 1 || part > parts) throw fail('element', 'set information out of range', { parts, part });
  return { parts, part };
}

function dataSet(oid: number, scheme: CompactionCode, data: Uint8Array): Uint8Array {
  if (data.length > 255) throw fail('element', 'data set longer than 255 bytes', { oid });
  const head = oid >= 15 ? [(scheme << 4) | 0x0f, oid - 15] : [(scheme << 4) | oid];
  return Uint8Array.from([...head, data.length, ...data]);
}

function textSet(oid: number, value: string): Uint8Array {
  const scheme = chooseCompaction(value);
  return dataSet(oid, scheme, compact(value, scheme));
}

export function encodeIso28560Part2(input: Iso28560Part2Input): Uint8Array {
  if (input.itemId.length === 0) throw fail('item-id', 'primary item id is empty');
  const sets: Uint8Array[] = [textSet(Oid.primaryItemId, input.itemId)];
  const others: [number, Uint8Array][] = [];
  if (input.isil !== undefined) others.push([Oid.ownerIsil, dataSet(Oid.ownerIsil, Compaction.application, encodeIsil(input.isil))]);
  const parts = input.partsInSet ?? 1;
  const part = input.partNumber ?? 1;
  if (!Number.isInteger(parts) || !Number.isInteger(part) || part < 1 || part > parts || parts > 999) {
    throw fail('element', 'set information must satisfy 1 <= part <= parts <= 999', { parts, part });
  }
  if (parts > 1) {
    const width = String(parts).length;
    const digits = String(parts).padStart(width, '0') + String(part).padStart(width, '0');
    others.push([Oid.setInformation, dataSet(Oid.setInformation, Compaction.numeric, compact(digits, Compaction.numeric))]);
  }
  if (input.usage !== undefined) {
    others.push([Oid.typeOfUsage, dataSet(Oid.typeOfUsage, Compaction.application, Uint8Array.of(classOfUsage(input.usage) << 4))]);
  }
  for (const [key, value] of Object.entries(input.extra ?? {})) {
    const oid = Number(key);
    if (!Number.isInteger(oid) || oid < 6 || oid > MAX_OID) throw fail('oid', 'extra elements use OIDs 6..26', { oid });
    if (value.length === 0) throw fail('element', 'empty data element', { oid });
    others.push([oid, textSet(oid, value)]);
  }
  others.sort((a, b) => a[0] - b[0]);
  if (others.length > 0) {
    const bitmap = new Uint8Array(Math.ceil((Math.max(...others.map(([o]) => o)) - 2) / 8));
    for (const [o] of others) bitmap[(o - 3) >> 3]! |= 0x80 >> ((o - 3) & 7);
    sets.push(dataSet(Oid.contentParameter, Compaction.application, bitmap));
  }
  return concat(...sets, ...others.map(([, b]) => b), Uint8Array.of(0));
}
