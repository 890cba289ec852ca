import { describe, expect, it } from 'vitest';
import { encodeLevel, InputBoardParser } from '../../../devices/door/codec/input-board.ts';
import { encodeLcus, LcusParser } from '../../../devices/door/codec/lcus.ts';
import { applyCommand, decodeState, encodeAll, encodeRelay, isRelayOn } from '../../../devices/door/codec/usbrelay.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('LCUS frames', () => {
  // Vendor examples (LC Technology listings; Diustou wiki "USB Relay PRO"):
  // A0 01 01 A2 on, A0 01 00 A1 off, A0 02 01 A3 second channel on.
  it('encodes the published frames', () => {
    expect(hex(encodeLcus(1, true))).toBe('a00101a2');
    expect(hex(encodeLcus(1, false))).toBe('a00100a1');
    expect(hex(encodeLcus(2, true))).toBe('a00201a3');
    expect(() => encodeLcus(0, true)).toThrow(RangeError);
  });

  it('parses frames split anywhere and reports noise and bad sums as discarded', () => {
    const p = new LcusParser();
    const stream = Uint8Array.from([0x55, 0xa0, 0x01, 0x01, 0xa2, 0xa0, 0x02, 0x00, 0xff, 0xa0, 0x02, 0x00, 0xa2]);
    const out = [...stream].flatMap((b) => p.push(Uint8Array.of(b)));
    const frames = out.filter((o) => o.type === 'frame');
    expect(frames).toEqual([
      { type: 'frame', channel: 1, on: true },
      { type: 'frame', channel: 2, on: false },
    ]);
    expect(out.filter((o) => o.type === 'discarded').length).toBeGreaterThan(0);
  });
});

describe('dcttech USBRelay reports', () => {
  // darrylb123/usbrelay and the V-USB usbrelay-cmd tool: report id 0, then FF n on / FD n off / FE all on / FC all off.
  it('encodes the feature reports', () => {
    expect(hex(encodeRelay(1, true))).toBe('00ff01000000000000');
    expect(hex(encodeRelay(2, false))).toBe('00fd02000000000000');
    expect(hex(encodeAll(true))).toBe('00fe00000000000000');
    expect(hex(encodeAll(false))).toBe('00fc00000000000000');
  });

  it('decodes serial (bytes 0-4) and the relay mask (byte 7), with or without a report id', () => {
    const body = Uint8Array.from([0x51, 0x57, 0x45, 0x52, 0x54, 0, 0, 0b10]);
    expect(decodeState(body)).toEqual({ serial: 'QWERT', mask: 2 });
    expect(decodeState(Uint8Array.from([1, ...body]))).toEqual({ serial: 'QWERT', mask: 2 });
    expect(decodeState(body.subarray(0, 6))).toBeUndefined();
    expect(isRelayOn({ serial: '', mask: 2 }, 2)).toBe(true);
    expect(isRelayOn({ serial: '', mask: 2 }, 1)).toBe(false);
  });

  it('applies commands to the mask as a board does', () => {
    let mask = applyCommand(0, encodeRelay(2, true));
    expect(mask).toBe(0b10);
    mask = applyCommand(mask, encodeRelay(1, true));
    expect(mask).toBe(0b11);
    expect(applyCommand(mask, encodeRelay(2, false))).toBe(0b01);
    expect(applyCommand(mask, encodeAll(false))).toBe(0);
  });
});

describe('input board lines', () => {
  it('parses IN<n>=<level> lines across chunks, with CRLF, and discards the rest', () => {
    const p = new InputBoardParser();
    const bytes = new TextEncoder().encode('IN1=1\r\nhello\nIN12=0\n');
    const out = [...bytes].flatMap((b) => p.push(Uint8Array.of(b)));
    expect(out).toEqual([
      { type: 'level', input: 1, level: 1 },
      { type: 'discarded', line: 'hello' },
      { type: 'level', input: 12, level: 0 },
    ]);
    expect(new TextDecoder().decode(encodeLevel(3, 0))).toBe('IN3=0\n');
  });
});
