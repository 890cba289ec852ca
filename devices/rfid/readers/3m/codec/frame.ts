import { OpenBranchError } from '../../../../../shared/errors.ts';
import { crc16ThreeM } from '../../../codec/crc.ts';
import { FrameParser } from '../../../codec/frame-parser.ts';

/**
 * 3M / bibliotheca 810 (and 210) pad framing, both directions:
 *   [0xD6][LEN MSB][LEN LSB][PAYLOAD...][CRC MSB][CRC LSB]   LEN = payload + 2
 * CRC-16/GENIBUS over LEN and PAYLOAD. 0xD5 starts the hardware-version probe.
 * Frames and CRC as captured in Biblio::RFID::Reader::3M810 (Dobrica Pavlinušić).
 */
export interface ThreeMFrame {
  readonly start: 0xd5 | 0xd6;
  readonly payload: Uint8Array;
}

export const THREEM_MAX_FRAME = 1024;

export function encodeThreeMFrame(payload: Uint8Array, start: 0xd5 | 0xd6 = 0xd6): Uint8Array {
  const length = payload.length + 2;
  if (payload.length === 0 || length + 3 > THREEM_MAX_FRAME)
    throw new OpenBranchError('codec.3m.length', 'payload size out of range', { length });
  const out = new Uint8Array(length + 3);
  out.set([start, length >> 8, length & 0xff]);
  out.set(payload, 3);
  const crc = crc16ThreeM(out.subarray(1, out.length - 2));
  out[out.length - 2] = crc >> 8;
  out[out.length - 1] = crc & 0xff;
  return out;
}

export class ThreeMFrameParser extends FrameParser<ThreeMFrame> {
  protected measure(buf: Uint8Array): number | 'more' | 'skip' {
    if (buf[0] !== 0xd6 && buf[0] !== 0xd5) return 'skip';
    if (buf.length < 3) return 'more';
    const length = (buf[1]! << 8) | buf[2]!;
    return length < 3 || length + 3 > THREEM_MAX_FRAME ? 'skip' : length + 3;
  }

  protected accept(c: Uint8Array): ThreeMFrame | undefined {
    const crc = (c[c.length - 2]! << 8) | c[c.length - 1]!;
    if (crc16ThreeM(c.subarray(1, c.length - 2)) !== crc) return undefined;
    return { start: c[0] as 0xd5 | 0xd6, payload: c.slice(3, c.length - 2) };
  }
}
