/** What an incremental frame parser returns for each chunk: whole frames, and line noise it skipped. */
export type ParseEvent<F> = { readonly kind: 'frame'; readonly frame: F } | { readonly kind: 'discarded'; readonly bytes: Uint8Array };

/**
 * Shared resynchronising loop: `measure` inspects the buffer head and says
 * "need more", "skip one byte" or "a candidate of n bytes"; `accept` checks
 * the candidate (CRC) and decodes it or rejects it (then one byte is skipped).
 */
export abstract class FrameParser<F> {
  private buffer = new Uint8Array(0);

  protected abstract measure(buffer: Uint8Array): number | 'more' | 'skip';
  protected abstract accept(candidate: Uint8Array): F | undefined;

  push(chunk: Uint8Array): ParseEvent<F>[] {
    const merged = new Uint8Array(this.buffer.length + chunk.length);
    merged.set(this.buffer);
    merged.set(chunk, this.buffer.length);
    let buf = merged;
    const events: ParseEvent<F>[] = [];
    const noise: number[] = [];
    const flushNoise = () => {
      if (noise.length > 0) events.push({ kind: 'discarded', bytes: Uint8Array.from(noise.splice(0)) });
    };
    while (buf.length > 0) {
      const size = this.measure(buf);
      if (size === 'more' || (size !== 'skip' && buf.length < size)) {
        // The head may be noise that looks like the start of a long frame: if a whole,
        // valid frame already sits further on, the head was noise.
        const later = this.findLater(buf);
        if (later === undefined) break;
        noise.push(...buf.subarray(0, later));
        buf = buf.subarray(later);
        continue;
      }
      if (size !== 'skip') {
        const frame = this.accept(buf.subarray(0, size));
        if (frame !== undefined) {
          flushNoise();
          events.push({ kind: 'frame', frame });
          buf = buf.subarray(size);
          continue;
        }
      }
      noise.push(buf[0]!);
      buf = buf.subarray(1);
    }
    flushNoise();
    this.buffer = buf.slice();
    return events;
  }

  private findLater(buf: Uint8Array): number | undefined {
    for (let k = 1; k < buf.length; k++) {
      const rest = buf.subarray(k);
      const size = this.measure(rest);
      if (typeof size === 'number' && rest.length >= size && this.accept(rest.subarray(0, size)) !== undefined) return k;
    }
    return undefined;
  }

  /** Bytes waiting for the rest of a frame. */
  get pending(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.buffer = new Uint8Array(0);
  }
}
