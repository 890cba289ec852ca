/** MSB-first bit packing for the ISO 15962 character compactions. */
export class BitWriter {
  private readonly bits: number[] = [];

  write(value: number, width: number): void {
    for (let i = width - 1; i >= 0; i--) this.bits.push((value >> i) & 1);
  }

  get length(): number {
    return this.bits.length;
  }

  /** Pads the last byte with `padBit` and returns the bytes. */
  bytes(padBit: 0 | 1): Uint8Array {
    const out = new Uint8Array(Math.ceil(this.bits.length / 8));
    for (let i = 0; i < out.length * 8; i++) {
      const bit = this.bits[i] ?? padBit;
      out[i >> 3]! |= bit << (7 - (i & 7));
    }
    return out;
  }
}

export class BitReader {
  private at = 0;
  constructor(private readonly data: Uint8Array) {}

  get remaining(): number {
    return this.data.length * 8 - this.at;
  }

  read(width: number): number {
    let v = 0;
    for (let i = 0; i < width; i++, this.at++) v = (v << 1) | ((this.data[this.at >> 3]! >> (7 - (this.at & 7))) & 1);
    return v;
  }
}
