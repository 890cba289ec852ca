import { OpenBranchError } from '../../../../shared/errors.ts';

/**
 * Splits a TCP byte stream into SIP2 messages. A message ends at CR; an LF
 * after it (CRLF, Koha) or before the next message is dropped. Messages split
 * across packets and several in one packet both work. A stream that runs
 * past `maxLength` without a CR is refused and the buffer dropped.
 */
export class Sip2Framer {
  private buffer = new Uint8Array(0);

  constructor(private readonly maxLength = 64 * 1024) {}

  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const frames: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < joined.length; i++) {
      if (joined[i] !== 0x0d) continue;
      let s = start;
      while (s < i && joined[s] === 0x0a) s++;
      if (i > s) frames.push(joined.slice(s, i));
      start = i + 1;
    }
    while (start < joined.length && joined[start] === 0x0a) start++;
    this.buffer = joined.slice(start);
    if (this.buffer.length > this.maxLength) {
      const length = this.buffer.length;
      this.buffer = new Uint8Array(0);
      throw new OpenBranchError('sip2.frame-too-long', `SIP2 message longer than ${this.maxLength} bytes without a terminator`, { length });
    }
    return frames;
  }

  /** Bytes waiting for a terminator. */
  get pending(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.buffer = new Uint8Array(0);
  }
}
