/**
 * LCUS / "LC USB switch" relay boards (CH340 USB-serial, 9600 8N1): 4-byte
 * frames `A0 <channel> <op> <sum>`, op 00 off, 01 on, sum = low byte of the
 * first three. Published by the vendor (LC Technology) in every listing, e.g.
 * "Open: A0 01 01 A2, Close: A0 01 00 A1"; multi-channel boards number the
 * channels from 1.
 */
export const LCUS_START = 0xa0;

export interface LcusFrame {
  readonly channel: number;
  readonly on: boolean;
}

export function encodeLcus(channel: number, on: boolean): Uint8Array {
  if (!Number.isInteger(channel) || channel < 1 || channel > 0xfe) throw new RangeError(`LCUS channel ${channel} out of range`);
  const op = on ? 0x01 : 0x00;
  return Uint8Array.of(LCUS_START, channel, op, (LCUS_START + channel + op) & 0xff);
}

export type LcusParsed = ({ readonly type: 'frame' } & LcusFrame) | { readonly type: 'discarded'; readonly bytes: Uint8Array };

/**
 * Incremental parser (the board's side, used by the simulator): resyncs on
 * the start byte and reports line noise and bad checksums as `discarded`.
 */
export class LcusParser {
  private buffer: number[] = [];

  push(chunk: Uint8Array): LcusParsed[] {
    this.buffer.push(...chunk);
    const out: LcusParsed[] = [];
    const noise: number[] = [];
    while (this.buffer.length > 0) {
      if (this.buffer[0] !== LCUS_START) {
        noise.push(this.buffer.shift()!);
        continue;
      }
      if (this.buffer.length < 4) break;
      const [start, channel, op, sum] = this.buffer as [number, number, number, number];
      if (((start + channel + op) & 0xff) !== sum || op > 1) {
        noise.push(this.buffer.shift()!);
        continue;
      }
      if (noise.length > 0) out.push({ type: 'discarded', bytes: Uint8Array.from(noise.splice(0)) });
      this.buffer.splice(0, 4);
      out.push({ type: 'frame', channel, on: op === 1 });
    }
    if (noise.length > 0) out.push({ type: 'discarded', bytes: Uint8Array.from(noise) });
    return out;
  }
}
