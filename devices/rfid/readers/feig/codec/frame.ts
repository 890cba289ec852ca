import { OpenBranchError } from '../../../../../shared/errors.ts';
import { crc16Feig } from '../../../codec/crc.ts';
import { FrameParser } from '../../../codec/frame-parser.ts';

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

export class FeigFrameParser extends FrameParser<FeigFrame> {
  protected measure(buf: Uint8Array): number | 'more' | 'skip' {
    if (buf[0] === 0x02) {
      if (buf.length < 3) return 'more';
      const length = (buf[1]! << 8) | buf[2]!;
      return length < 7 || length > FEIG_MAX_FRAME ? 'skip' : length;
    }
    return buf[0]! < 5 ? 'skip' : buf[0]!;
  }

  protected accept(c: Uint8Array): FeigFrame | undefined {
    const crc = c[c.length - 2]! | (c[c.length - 1]! << 8);
    if (crc16Feig(c.subarray(0, c.length - 2)) !== crc) return undefined;
    const advanced = c[0] === 0x02;
    const head = advanced ? 5 : 3;
    return {
      framing: advanced ? 'advanced' : 'standard',
      address: c[head - 2]!,
      command: c[head - 1]!,
      data: c.slice(head, c.length - 2),
    };
  }
}
