import { OpenBranchError } from '../../../../../shared/errors.ts';
import { crc16ThreeM } from '../../../codec/crc.ts';
import { Crc16Stream } from '../../../codec/crc-stream.ts';
import { FrameParser, type Framing } from '../../../codec/frame-parser.ts';

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

/** 3M frames start with 0xD6 (or 0xD5); the CRC covers the length and payload and is stored inverted, MSB first. */
export const threeMFraming: Framing<ThreeMFrame> = {
  crc: new Crc16Stream({ poly: 0x1021, reflected: false }),
  measure(b, at, end) {
    if (b[at] !== 0xd6 && b[at] !== 0xd5) return 'skip';
    if (end - at < 3) return 'more';
    const length = (b[at + 1]! << 8) | b[at + 2]!;
    return length < 3 || length + 3 > THREEM_MAX_FRAME ? 'skip' : length + 3;
  },
  crcMatches(b, at, size, crc) {
    const last = at + size;
    return (crc(at + 1, last - 2) ^ 0xffff) === ((b[last - 2]! << 8) | b[last - 1]!);
  },
  decode: (c) => ({ start: c[0] as 0xd5 | 0xd6, payload: c.slice(3, c.length - 2) }),
};

export class ThreeMFrameParser extends FrameParser<ThreeMFrame> {
  constructor() {
    super(threeMFraming, 0xffff);
  }
}
