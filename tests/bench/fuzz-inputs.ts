/**
 * Inputs for the fuzz benchmark: a seeded generator (a failing input can
 * be made again from its seed and index) that mutates valid vectors the
 * way a bad cable, a half-written tag or a hostile peer would, mixed with
 * plain random bytes, now and then a large input, and a random cut of
 * every input into chunks as a serial line or a TCP stream delivers them.
 */
import { concat } from '../../devices/rfid/codec/bytes.ts';
import { prng } from '../integration/queue/crash-harness.ts';

/** Bytes that start, end or size frames in the protocols under test (lengths, STX, CR, LF, |, 3M 0xD5/0xD6, ESC, GS, DLE). */
const INTERESTING = [
  0x00, 0x01, 0x02, 0x05, 0x07, 0x0a, 0x0d, 0x10, 0x1b, 0x1c, 0x1d, 0x28, 0x6b, 0x7c, 0x7f, 0x80, 0xd5, 0xd6, 0xfe, 0xff,
];

export class InputMaker {
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly vectors: readonly Uint8Array[],
  ) {
    this.random = prng(seed);
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.random() < 0.25 ? INTERESTING[this.int(INTERESTING.length)]! : this.int(256);
    return out;
  }

  private vector(): Uint8Array {
    return this.vectors[this.int(this.vectors.length)]!;
  }

  /** One to four edits of a valid vector. */
  private mutate(source: Uint8Array): Uint8Array {
    let b: Uint8Array = source.slice();
    for (let edits = 1 + this.int(4); edits > 0; edits--) {
      const at = b.length === 0 ? 0 : this.int(b.length);
      switch (this.int(9)) {
        case 0:
          if (b.length > 0) b[at] = b[at]! ^ (1 << this.int(8));
          break;
        case 1:
          if (b.length > 0) b[at] = INTERESTING[this.int(INTERESTING.length)]!;
          break;
        case 2:
          b = concat(b.subarray(0, at), this.bytes(1 + this.int(8)), b.subarray(at));
          break;
        case 3:
          b = concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + this.int(8))));
          break;
        case 4:
          b = b.subarray(0, at).slice();
          break;
        case 5:
          b = concat(b.subarray(0, at), b.subarray(at, at + 1 + this.int(16)), b.subarray(at));
          break;
        case 6:
          // A length field blown up or zeroed.
          if (b.length > 1) b.set(this.random() < 0.5 ? [0xff, 0xff] : [0x00, 0x00], Math.min(at, b.length - 2));
          break;
        case 7:
          b = concat(b.subarray(0, at), this.vector());
          break;
        default:
          b = concat(b, this.vector());
      }
    }
    return b;
  }

  /** The next input: mostly a mutated vector, some random bytes, some streams of several, one in a thousand large. */
  next(): Uint8Array {
    const r = this.random();
    if (r < 0.001) {
      const size = 4096 + this.int(12_288);
      const parts: Uint8Array[] = [];
      let n = 0;
      while (n < size) {
        const p = this.random() < 0.5 ? this.bytes(64) : this.mutate(this.vector());
        parts.push(p);
        n += p.length;
      }
      return concat(...parts);
    }
    if (r < 0.2) return this.bytes(this.int(300));
    if (r < 0.3) {
      const a = this.mutate(this.vector());
      return concat(a, this.random() < 0.5 ? this.vector() : this.mutate(this.vector()));
    }
    return this.mutate(this.vector());
  }

  /** Cuts an input into chunks of 1..64 bytes (or leaves it whole), as the line delivers it. */
  chunks(input: Uint8Array): Uint8Array[] {
    if (this.random() < 0.3) return [input];
    const out: Uint8Array[] = [];
    for (let at = 0; at < input.length; ) {
      const n = 1 + this.int(64);
      out.push(input.subarray(at, at + n));
      at += n;
    }
    return out;
  }
}
