import { OpenBranchError } from '../../../../../shared/errors.ts';
import { crc16Feig } from '../../../codec/crc.ts';
import { Crc16Stream } from '../../../codec/crc-stream.ts';
import { FrameParser, type Framing } from '../../../codec/frame-parser.ts';

/**
 * FEIG OBID ISO-host framing (ISC.MR/LR/CPR readers), both directions:
 *   standard: [LEN][COM-ADR][CMD][DATA...][CRC LSB][CRC MSB]          LEN <= 255
 *   advanced: [0x02][LEN MSB][LEN LSB][COM-ADR][CMD][DATA...][CRC LSB][CRC MSB]
 * LEN counts the whole frame. CRC-16 poly 0x8408, preset 0xFFFF over every byte
 * before it. In responses the first data byte is the STATUS.
 */
export type FeigFraming = 'standard' | 'advanced';

export interface FeigFrame {
  readonly framing: FeigFraming;
  readonly address: number;
  readonly command: number;
  readonly data: Uint8Array;
}

export const FEIG_MAX_FRAME = 4096;

export function encodeFeigFrame(frame: FeigFrame): Uint8Array {
  const head = frame.framing === 'advanced' ? 5 : 3;
  const length = head + frame.data.length + 2;
  if (frame.framing === 'standard' ? length > 255 : length > FEIG_MAX_FRAME) {
    throw new OpenBranchError('codec.feig.length', 'frame too long for its framing', { length, framing: frame.framing });
  }
  const out = new Uint8Array(length);
  if (frame.framing === 'advanced') out.set([0x02, length >> 8, length & 0xff, frame.address, frame.command]);
  else out.set([length, frame.address, frame.command]);
  out.set(frame.data, head);
  const crc = crc16Feig(out.subarray(0, length - 2));
  out[length - 2] = crc & 0xff;
  out[length - 1] = crc >> 8;
  return out;
}

/** FEIG frames: a standard frame's first byte is its length; 0x02 starts an advanced frame. */
export const feigFraming: Framing<FeigFrame> = {
  crc: new Crc16Stream({ poly: 0x8408, reflected: true }),
  measure(b, at, end) {
    if (b[at] === 0x02) {
      if (end - at < 3) return 'more';
      const length = (b[at + 1]! << 8) | b[at + 2]!;
      return length < 7 || length > FEIG_MAX_FRAME ? 'skip' : length;
    }
    return b[at]! < 5 ? 'skip' : b[at]!;
  },
  crcMatches(b, at, size, crc) {
    const last = at + size;
    return crc(at, last - 2) === (b[last - 2]! | (b[last - 1]! << 8));
  },
  decode(c) {
    const advanced = c[0] === 0x02;
    const head = advanced ? 5 : 3;
    return {
      framing: advanced ? 'advanced' : 'standard',
      address: c[head - 2]!,
      command: c[head - 1]!,
      data: c.slice(head, c.length - 2),
    };
  },
};

export class FeigFrameParser extends FrameParser<FeigFrame> {
  constructor() {
    super(feigFraming, 0xffff);
  }
}
