import { OpenBranchError } from '../../shared/errors.ts';
import { Emitter } from '../../shared/events.ts';
import type { ByteLink } from './byte-link.ts';

/**
 * One end of an in-process null-modem cable: writes arrive at the other
 * end on a later tick, split the way a serial line may split them. The
 * embedded default runs the real RFID driver against a simulator over it.
 */
class MemoryEnd implements ByteLink {
  peer!: MemoryEnd;
  private open_ = false;
  private readonly events = new Emitter<{ data: Uint8Array; lost: string }>();

  constructor(private readonly chunkSize: number) {}

  get isOpen(): boolean {
    return this.open_;
  }

  /** Plugs this end in (again, after an unplug). */
  async open(): Promise<this> {
    this.open_ = true;
    return this;
  }

  async close(): Promise<void> {
    this.open_ = false;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw new OpenBranchError('device.missing', 'memory link is not open');
    const copy = bytes.slice();
    const peer = this.peer;
    setImmediate(() => {
      if (!peer.open_) return; // nobody listening: the bytes fall on the floor, as on a real line
      for (let at = 0; at < copy.length; at += this.chunkSize) peer.events.emit('data', copy.subarray(at, at + this.chunkSize));
    });
  }

  /** Simulates pulling the cable: this end reports the loss and stops. */
  unplug(reason = 'unplugged'): void {
    if (!this.open_) return;
    this.open_ = false;
    this.events.emit('lost', reason);
  }

  onData(listener: (chunk: Uint8Array) => void) {
    return this.events.on('data', listener);
  }

  onLost(listener: (reason: string) => void) {
    return this.events.on('lost', listener);
  }
}

export type MemoryLink = ByteLink & { open(): Promise<MemoryLink>; unplug(reason?: string): void };

export function createMemoryLinkPair(chunkSize = 64): [MemoryLink, MemoryLink] {
  const a = new MemoryEnd(chunkSize);
  const b = new MemoryEnd(chunkSize);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
