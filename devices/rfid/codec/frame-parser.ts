import type { ParseEvent } from '../../serial/codec/exchange.ts';
import type { Crc16Stream } from './crc-stream.ts';

export type { ParseEvent } from '../../serial/codec/exchange.ts';

/** How a framing reads its own bytes; offsets index `bytes`, whose valid part ends at `end`. */
export interface Framing<F> {
  readonly crc: Crc16Stream;
  /** Frame size from the header at `at`: 'more' (header not all here yet), 'skip' (no frame starts here) or the size. */
  measure(bytes: Uint8Array, at: number, end: number): number | 'more' | 'skip';
  /** Whether the frame at `at` of `size` bytes carries the right CRC; `crc(from, to)` is the CRC of bytes from..to-1. */
  crcMatches(bytes: Uint8Array, at: number, size: number, crc: (from: number, to: number) => number): boolean;
  decode(frame: Uint8Array): F;
}

const UNSEEN = 0;
const NOISE = 1;
const VALID = 2;
const WAITING = 3;
/** measure said 'more': only at the very end of the buffer, looked at again when bytes arrive. */
const MORE = 4;

/**
 * The shared resynchronising loop, linear in the bytes received. A byte
 * whose header claims more bytes than have come may be the start of a
 * frame or noise: while it waits, the offsets after it are looked at once
 * each (header, then CRC when their claimed end arrives, in constant time
 * from running CRC registers), and the first whole, valid frame among them
 * proves the bytes before it noise. Every offset is measured once and
 * CRC-checked at most once; the bytes kept between pushes are fewer than
 * the longest frame the framing allows.
 */
export class FrameParser<F> {
  private bytes = new Uint8Array(0);
  /** registers[i]: the stream's CRC register before bytes[i] (any start value: only differences matter). */
  private registers = new Uint16Array(1);
  private state = new Uint8Array(0);
  private size = new Uint16Array(0);
  /** Stream offset of bytes[0]; `waiting` and `found` hold stream offsets so compaction need not rewrite them. */
  private base = 0;
  private head = 0;
  private end = 0;
  /** Offsets after the head up to here have been looked at as later frame starts. */
  private scanned = 0;
  /** Claimed frame end -> later frame starts waiting for it. */
  private readonly waiting = new Map<number, number[]>();
  /** Later frame starts found whole and valid, ascending. */
  private found: number[] = [];

  constructor(
    private readonly framing: Framing<F>,
    private readonly preset: number,
  ) {}

  push(chunk: Uint8Array): ParseEvent<F>[] {
    const before = this.base + this.end;
    this.append(chunk);
    this.settle(before);
    const events: ParseEvent<F>[] = [];
    let noiseFrom = -1;
    while (this.head < this.end) {
      const state = this.resolve(this.head);
      if (state === VALID) {
        noiseFrom = this.flushNoise(events, noiseFrom);
        const size = this.size[this.head]!;
        events.push({ kind: 'frame', frame: this.framing.decode(this.bytes.subarray(this.head, this.head + size)) });
        this.head += size;
        continue;
      }
      if (state === NOISE) {
        if (noiseFrom < 0) noiseFrom = this.head;
        this.head++;
        continue;
      }
      const later = state === WAITING ? this.firstFrameAfterHead() : undefined;
      if (later === undefined) break;
      if (noiseFrom < 0) noiseFrom = this.head;
      this.head = later;
    }
    this.flushNoise(events, noiseFrom);
    return events;
  }

  /** The skipped bytes from `from` up to the head as one discarded event; returns "no noise pending". */
  private flushNoise(events: ParseEvent<F>[], from: number): number {
    if (from >= 0 && this.head > from) events.push({ kind: 'discarded', bytes: this.bytes.slice(from, this.head) });
    return -1;
  }

  /** Bytes waiting for the rest of a frame. */
  get pending(): number {
    return this.end - this.head;
  }

  reset(): void {
    this.base += this.end;
    this.registers[0] = this.registers[this.end]!;
    this.head = this.end = this.scanned = 0;
    this.waiting.clear();
    this.found = [];
  }

  /** What is known of the frame start at `i`, measuring and CRC-checking it if its bytes are here. */
  private resolve(i: number): number {
    let state = this.state[i]!;
    if (state === UNSEEN || state === MORE) {
      const size = this.framing.measure(this.bytes, i, this.end);
      if (size === 'skip') state = NOISE;
      else if (size === 'more') state = MORE;
      else {
        this.size[i] = size;
        state = WAITING;
        if (i + size > this.end) this.wait(i + size, i);
      }
      this.state[i] = state;
    }
    if (state === WAITING && i + this.size[i]! <= this.end) state = this.check(i);
    return state;
  }

  /** CRC of bytes from..to-1 of the buffer, from the running registers (one function for the parser's life: no closure per check). */
  private readonly crcOf = (from: number, to: number): number =>
    this.framing.crc.slice(this.registers[from]!, this.registers[to]!, to - from, this.preset);

  private check(i: number): number {
    const state = this.framing.crcMatches(this.bytes, i, this.size[i]!, this.crcOf) ? VALID : NOISE;
    this.state[i] = state;
    return state;
  }

  private wait(end: number, start: number): void {
    const list = this.waiting.get(this.base + end);
    if (list) list.push(this.base + start);
    else this.waiting.set(this.base + end, [this.base + start]);
  }

  /** The first whole, valid frame after the head, looking at each offset only once over all pushes. */
  private firstFrameAfterHead(): number | undefined {
    const headAt = this.base + this.head;
    while (this.found.length > 0 && this.found[0]! <= headAt) this.found.shift();
    let i = Math.max(this.scanned, this.head + 1);
    for (; i < this.end; i++) {
      if (this.found.length > 0 && this.base + i >= this.found[0]!) break;
      const state = this.resolve(i);
      if (state === MORE) break;
      if (state === VALID) {
        this.found.unshift(this.base + i);
        i++;
        break;
      }
    }
    this.scanned = i;
    return this.found.length > 0 ? this.found[0]! - this.base : undefined;
  }

  /** Later frame starts whose claimed end has just arrived: checked now, once. */
  private settle(before: number): void {
    const now = this.base + this.end;
    if (this.waiting.size === 0) return;
    if (now - before < this.waiting.size) {
      for (let end = before + 1; end <= now; end++) this.settleAt(end);
    } else {
      for (const end of [...this.waiting.keys()]) if (end <= now) this.settleAt(end);
    }
  }

  private settleAt(end: number): void {
    const starts = this.waiting.get(end);
    if (!starts) return;
    this.waiting.delete(end);
    for (const start of starts) {
      const i = start - this.base;
      if (i <= this.head || this.state[i] !== WAITING || this.check(i) !== VALID) continue;
      let at = this.found.length;
      while (at > 0 && this.found[at - 1]! > start) at--;
      this.found.splice(at, 0, start);
    }
  }

  /** Adds a chunk, moving the live bytes to the front of a fresh buffer when there is no room (amortised O(1) per byte). */
  private append(chunk: Uint8Array): void {
    const live = this.end - this.head;
    const needed = live + chunk.length;
    if (this.end + chunk.length > this.bytes.length || (this.bytes.length > 65_536 && needed * 4 < this.bytes.length)) {
      const capacity = Math.max(256, needed * 2);
      this.bytes = moved(this.bytes, new Uint8Array(capacity), this.head, this.end);
      this.registers = moved(this.registers, new Uint16Array(capacity + 1), this.head, this.end + 1);
      this.state = moved(this.state, new Uint8Array(capacity), this.head, this.end);
      this.size = moved(this.size, new Uint16Array(capacity), this.head, this.end);
      this.base += this.head;
      this.scanned = Math.max(0, this.scanned - this.head);
      this.end = live;
      this.head = 0;
    }
    this.bytes.set(chunk, this.end);
    this.state.fill(UNSEEN, this.end, this.end + chunk.length);
    const crc = this.framing.crc;
    for (let k = 0; k < chunk.length; k++) this.registers[this.end + k + 1] = crc.step(this.registers[this.end + k]!, chunk[k]!);
    this.end += chunk.length;
  }
}

function moved<A extends Uint8Array | Uint16Array>(from: A, to: A, start: number, end: number): A {
  to.set(from.subarray(start, end));
  return to;
}
