import { OpenBranchError } from '../../../../shared/errors.ts';

/** A plain Uint8Array over chunk[from, to): a Buffer's own subarray() builds a Buffer, at several times the cost. */
const view = (chunk: Uint8Array, from: number, to: number): Uint8Array => new Uint8Array(chunk.buffer, chunk.byteOffset + from, to - from);

/**
 * Splits a TCP byte stream into SIP2 messages. A message ends at CR; an LF
 * after it (CRLF, Koha) or before the next message is dropped. Messages split
 * across packets and several in one packet both work. A stream that runs
 * past `maxLength` without a CR is refused and the buffer dropped. Linear:
 * each byte is scanned once, however small the packets.
 */
export class Sip2Framer {
  /** Bytes since the last CR, in a buffer that doubles when full: each byte is scanned and copied once. */
  private buffer = new Uint8Array(256);
  private length = 0;

  constructor(private readonly maxLength = 64 * 1024) {}

  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    let start = 0;
    for (let cr = chunk.indexOf(0x0d); cr >= 0; cr = chunk.indexOf(0x0d, start)) {
      const frame = this.take(chunk, start, cr);
      if (frame.length > 0) frames.push(frame);
      start = cr + 1;
    }
    // Leading LFs (the LF of a CRLF) are dropped before a message starts.
    if (this.length === 0) while (start < chunk.length && chunk[start] === 0x0a) start++;
    if (start < chunk.length) this.append(view(chunk, start, chunk.length));
    if (this.length > this.maxLength) {
      const length = this.length;
      this.reset();
      throw new OpenBranchError('sip2.frame-too-long', `SIP2 message longer than ${this.maxLength} bytes without a terminator`, { length });
    }
    return frames;
  }

  private append(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The message ending at chunk[end]: what is pending plus chunk[from, end), without the LF of a CRLF before it. */
  private take(chunk: Uint8Array, from: number, end: number): Uint8Array {
    if (this.length === 0) {
      while (from < end && chunk[from] === 0x0a) from++;
      // The whole message came in this chunk (the usual case): its bytes, not a copy.
      return view(chunk, from, end);
    }
    const whole = new Uint8Array(this.length + end - from);
    whole.set(this.buffer.subarray(0, this.length));
    whole.set(view(chunk, from, end), this.length);
    this.length = 0;
    return whole;
  }

  /** Bytes waiting for a terminator. */
  get pending(): number {
    return this.length;
  }

  reset(): void {
    // A flood's buffer is not kept.
    if (this.buffer.length > 4096) this.buffer = new Uint8Array(256);
    this.length = 0;
  }
}
