import { describe, expect, it } from 'vitest';
import { fromHex, reverseEachBlock, toHex } from '../../../devices/rfid/codec/bytes.ts';
import { decodeTagData } from '../../../devices/rfid/codec/detect.ts';
import { decodeIsil, encodeIsil } from '../../../devices/rfid/codec/isil.ts';
import { decodeIso28560Part2, encodeIso28560Part2 } from '../../../devices/rfid/codec/iso28560-2.ts';
import { decodeIso28560Part3, encodeIso28560Part3 } from '../../../devices/rfid/codec/iso28560-3.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';

// A real Danish-data-model basic block from libdanrfid's DDMDataTest.java
// (github.com/GallusMax/libdanrfid): barcode 11223344, country DE, ISIL 705, CRC 0x3E51.
const DDM_SAMPLE = '11010131313232333334340000000000000000513e4445373035000000000000';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isOpenBranchError(e) ? e.code : 'not-typed';
  }
  return 'no-error';
};

describe('ISO 28560-3', () => {
  it('decodes the published sample', () => {
    expect(decodeIso28560Part3(fromHex(DDM_SAMPLE))).toMatchObject({
      variant: 'standard',
      version: 1,
      usage: 'item',
      itemId: '11223344',
      partsInSet: 1,
      partNumber: 1,
      country: 'DE',
      isil: '705',
    });
  });

  it('encodes the sample back to the same bytes', () => {
    expect(toHex(encodeIso28560Part3({ itemId: '11223344', country: 'DE', isil: '705' })).toLowerCase()).toBe(DDM_SAMPLE);
  });

  it('reads the sample from a reader that reverses every 4-byte block', () => {
    expect(decodeIso28560Part3(reverseEachBlock(fromHex(DDM_SAMPLE))).variant).toBe('block-reversed');
  });

  it('reports nibble-swapped version/usage and swapped set fields', () => {
    const data = encodeIso28560Part3({ itemId: 'X1', partsInSet: 3, partNumber: 2, usage: 'patron-card' });
    data[0] = 0x81; // usage 8 in the high nibble, version 1 in the low one
    [data[1], data[2]] = [data[2]!, data[1]!];
    const fixed = recrc(data);
    expect(decodeIso28560Part3(fixed)).toMatchObject({
      variant: 'nibble-swapped+set-swapped',
      usage: 'patron-card',
      partsInSet: 3,
      partNumber: 2,
    });
  });

  it('refuses data whose CRC fails in every variant', () => {
    const data = fromHex(DDM_SAMPLE);
    data[5]! ^= 0x01;
    expect(codeOf(() => decodeIso28560Part3(data))).toBe('codec.iso28560-3.crc');
    expect(codeOf(() => decodeTagData(data))).toBe('codec.iso28560-3.crc');
  });

  it('keeps optional blocks with a valid XOR check', () => {
    const data = encodeIso28560Part3({ itemId: 'A', optionalBlocks: [{ id: 0x0102, data: Uint8Array.of(1, 2, 3) }] });
    expect(decodeIso28560Part3(data).optionalBlocks).toEqual([{ id: 0x0102, data: Uint8Array.of(1, 2, 3) }]);
  });
});

function recrc(data: Uint8Array): Uint8Array {
  // Same CRC rule as the codec documents (bytes 0..18, 21..31, two zero bytes); written out here
  // independently so the test does not trust the function under test.
  const covered = [...data.subarray(0, 19), ...data.subarray(21, 32), 0, 0];
  let crc = 0xffff;
  for (const b of covered) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  const out = data.slice();
  out[19] = crc & 0xff;
  out[20] = crc >> 8;
  return out;
}

describe('ISO 28560-2', () => {
  it('lays out data sets as precursor, length, data and ends with a zero byte', () => {
    // Primary item id "1234" in integer compaction: precursor 0x11 (compaction 1, OID 1), length 2, 0x04D2.
    expect(toHex(encodeIso28560Part2({ itemId: '1234' }))).toBe('110204D200');
    // A leading zero needs numeric compaction (0x21): 4-bit digits, odd count padded with 0xF.
    expect(toHex(encodeIso28560Part2({ itemId: '012' }))).toBe('2102012F00');
  });

  it('decodes item id, owner ISIL, set information and type of usage', () => {
    const tag = decodeIso28560Part2(encodeIso28560Part2({ itemId: 'AB-1', isil: 'SE-Ab12', partsInSet: 3, partNumber: 2, usage: 'item' }));
    expect(tag).toMatchObject({ itemId: 'AB-1', isil: 'SE-Ab12', partsInSet: 3, partNumber: 2, usage: 'item', usageClass: 1 });
    expect(tag.elements.find((e) => e.name === 'contentParameter')?.value).toBe('3,4,5');
  });

  it('uses the ISIL tables with latch and shift', () => {
    // "DK-7": upper D(4) K(11) -(0), shift-numeric(31) 7 -> 00100 01011 00000 11111 0111 (24 bits, no pad).
    expect(toHex(encodeIsil('DK-7'))).toBe('22C1F7');
    // "Se": S(19), shift-lower(29), e(5) -> 10011 11101 00101 + one pad bit of 1.
    expect(toHex(encodeIsil('Se'))).toBe('9F4B');
    expect(decodeIsil(encodeIsil('DK-710100'))).toBe('DK-710100');
    expect(decodeIsil(encodeIsil('US-DLC'))).toBe('US-DLC');
  });

  it('reports a data set running past the memory read as truncated', () => {
    expect(codeOf(() => decodeIso28560Part2(fromHex('1104')))).toBe('codec.iso28560-2.truncated');
  });

  it('auto-detects the model', () => {
    expect(decodeTagData(fromHex(DDM_SAMPLE)).model).toBe('iso28560-3');
    const part2 = new Uint8Array(32);
    part2.set(encodeIso28560Part2({ itemId: '30012000123456', isil: 'SE-Ab12' }));
    expect(decodeTagData(part2).model).toBe('iso28560-2');
    expect(decodeTagData(new Uint8Array(32)).model).toBe('blank');
    expect(codeOf(() => decodeTagData(fromHex('55'.repeat(32))))).toBe('codec.tag.unknown');
  });
});
