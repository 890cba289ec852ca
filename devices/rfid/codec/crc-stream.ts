/**
 * The CRC-16 of any slice of a byte stream in constant time, so a parser
 * hunting for a frame in line noise can test a candidate at every offset
 * without running the CRC over the candidate's bytes each time.
 *
 * A CRC register without final XOR is linear over GF(2): feeding bytes d
 * to register R gives Z^|d|(R) xor crc0(d), where Z^m feeds m zero bytes
 * and crc0 starts from 0. With P_i the register after the first i bytes
 * of the stream (from any start value), the CRC of bytes k..e-1 from a
 * preset is P_e xor Z^(e-k)(P_k xor preset). Z^m is a 16x16 bit matrix,
 * applied as the product of the precomputed Z^(2^j) for the bits of m.
 */
export interface Crc16Model {
  readonly poly: number;
  /** LSB first (FEIG, poly 0x8408) or MSB first (CCITT, poly 0x1021). */
  readonly reflected: boolean;
}

type Matrix = Uint16Array; // column b = the image of the register with only bit b set

const apply = (m: Matrix, v: number): number => {
  let out = 0;
  for (let bit = 0; v !== 0; bit++, v >>>= 1) if (v & 1) out ^= m[bit]!;
  return out;
};

/** A matrix as two 256-entry tables (low byte, high byte): applying it is two look-ups. */
const tabulate = (m: Matrix): Uint16Array => {
  const t = new Uint16Array(512);
  for (let v = 0; v < 256; v++) {
    t[v] = apply(m, v);
    t[256 + v] = apply(m, v << 8);
  }
  return t;
};

export class Crc16Stream {
  private readonly table = new Uint16Array(256);
  /** zeroBytes[j] = Z^(2^j), tabulated: enough for any slice shorter than 64 KiB. */
  private readonly zeroBytes: Uint16Array[] = [];

  constructor(private readonly model: Crc16Model) {
    for (let i = 0; i < 256; i++) {
      let c = model.reflected ? i : i << 8;
      for (let k = 0; k < 8; k++) {
        if (model.reflected) c = c & 1 ? (c >>> 1) ^ model.poly : c >>> 1;
        else c = c & 0x8000 ? ((c << 1) ^ model.poly) & 0xffff : (c << 1) & 0xffff;
      }
      this.table[i] = c;
    }
    let z = Uint16Array.from({ length: 16 }, (_, bit) => this.step(1 << bit, 0));
    for (let j = 0; j < 16; j++) {
      this.zeroBytes.push(tabulate(z));
      const half = z;
      z = Uint16Array.from(half, (column) => apply(half, column));
    }
  }

  /** The register after one more byte. */
  step(register: number, byte: number): number {
    return this.model.reflected
      ? (register >>> 8) ^ this.table[(register ^ byte) & 0xff]!
      : ((register << 8) & 0xffff) ^ this.table[((register >>> 8) ^ byte) & 0xff]!;
  }

  /** The register after `count` zero bytes. */
  zeros(register: number, count: number): number {
    let r = register;
    for (let j = 0; count !== 0; j++, count >>>= 1) {
      if ((count & 1) === 0) continue;
      const t = this.zeroBytes[j]!;
      r = t[r & 0xff]! ^ t[256 + (r >>> 8)]!;
    }
    return r;
  }

  /** CRC from `preset` over the bytes between two prefix registers `count` bytes apart. */
  slice(before: number, after: number, count: number, preset: number): number {
    return after ^ this.zeros(before ^ preset, count);
  }
}
