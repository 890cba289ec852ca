import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../devices/rfid/codec/bytes.ts';
import { crc16Ccitt, crc16Feig, crc16ThreeM } from '../../../devices/rfid/codec/crc.ts';
import { encodeThreeMFrame, ThreeMFrameParser } from '../../../devices/rfid/readers/3m/codec/frame.ts';
import { encodeFeigFrame, FeigFrameParser } from '../../../devices/rfid/readers/feig/codec/frame.ts';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('CRC-16 flavours against published check values', () => {
  it('FEIG ISO-host CRC (poly 0x8408, preset 0xFFFF)', () => {
    // Check value of "123456789" and a captured 0x65 (software version) answer, both from the
    // tests of InlayTester.Drivers.FeigReader (github.com/Amarok79, Test_FeigChecksum.cs).
    expect(crc16Feig(ascii('123456789'))).toBe(0x6f91);
    expect(crc16Feig(fromHex('0D 00 65 00 03 03 00 44 53 0D 30'))).toBe(0x0933);
  });

  it('ISO 28560-3 CRC (CCITT, preset 0xFFFF)', () => {
    // libdanrfid CRC.java (github.com/GallusMax/libdanrfid): "RFID tag data model" gives 1aee.
    expect(crc16Ccitt(ascii('RFID tag data model'))).toBe(0x1aee);
  });

  it('3M 810 CRC (CCITT inverted)', () => {
    // Biblio::RFID::Reader::3M810 (github.com/dpavlin/Biblio-RFID): hw-version probe
    // 'D5 00 05 04 00 11 8C66' and its answer 'D5 00 09 04 00 11 0A 05 00 02 7250'.
    expect(crc16ThreeM(fromHex('00 05 04 00 11'))).toBe(0x8c66);
    expect(crc16ThreeM(fromHex('00 09 04 00 11 0A 05 00 02'))).toBe(0x7250);
  });
});

describe('FEIG ISO-host framing', () => {
  // Frames from InlayTester.Drivers.FeigReader Test_FeigRequest.cs.
  it('encodes standard and advanced frames byte for byte', () => {
    const readConfig = { address: 0x12, command: 0x80, data: Uint8Array.of(0x07) };
    expect(toHex(encodeFeigFrame({ framing: 'standard', ...readConfig }), ' ')).toBe('06 12 80 07 E5 80');
    expect(toHex(encodeFeigFrame({ framing: 'advanced', ...readConfig }), ' ')).toBe('02 00 08 12 80 07 A0 2D');
    const version = { address: 0xff, command: 0x65, data: new Uint8Array(0) };
    expect(toHex(encodeFeigFrame({ framing: 'standard', ...version }), ' ')).toBe('05 FF 65 E5 CB');
    expect(toHex(encodeFeigFrame({ framing: 'advanced', ...version }), ' ')).toBe('02 00 07 FF 65 6E 61');
  });

  it('parses a captured answer split across chunks, skipping line noise', () => {
    const parser = new FeigFrameParser();
    const answer = fromHex('0D 00 65 00 03 03 00 44 53 0D 30 33 09');
    expect(parser.push(Uint8Array.of(0x00, 0x01, ...answer.subarray(0, 4)))).toEqual([{ kind: 'discarded', bytes: Uint8Array.of(0, 1) }]);
    const events = parser.push(answer.subarray(4));
    expect(events).toEqual([
      { kind: 'frame', frame: { framing: 'standard', address: 0, command: 0x65, data: fromHex('00 03 03 00 44 53 0D 30') } },
    ]);
    expect(parser.pending).toBe(0);
  });

  it('rejects a frame whose CRC is wrong and resynchronises on the next good one', () => {
    const parser = new FeigFrameParser();
    const good = fromHex('02 00 08 12 80 07 A0 2D');
    const bad = fromHex('06 12 80 07 E5 81');
    const events = parser.push(Uint8Array.from([...bad, ...good]));
    expect(events.filter((e) => e.kind === 'frame')).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'discarded' });
  });
});

describe('3M 810 framing', () => {
  it('reproduces the captured probe and parses the captured answer', () => {
    expect(toHex(encodeThreeMFrame(fromHex('04 00 11'), 0xd5), ' ')).toBe('D5 00 05 04 00 11 8C 66');
    const events = new ThreeMFrameParser().push(fromHex('D5 00 09 04 00 11 0A 05 00 02 72 50'));
    expect(events).toEqual([{ kind: 'frame', frame: { start: 0xd5, payload: fromHex('04 00 11 0A 05 00 02') } }]);
  });

  it('frames the inventory command the way the Perl driver builds it (D6, length, payload, CRC)', () => {
    const frame = encodeThreeMFrame(fromHex('FE 00 05'));
    expect(toHex(frame.subarray(0, 6), ' ')).toBe('D6 00 05 FE 00 05');
    expect((frame[6]! << 8) | frame[7]!).toBe(crc16ThreeM(fromHex('00 05 FE 00 05')));
  });
});
