import type { Unsubscribe } from '../../../shared/events.ts';

/**
 * A byte pipe to a reader: a serial port, or an in-memory pipe to a
 * simulator. Drivers get a factory and never know which.
 */
export interface ByteLink {
  open(): Promise<void>;
  close(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Unsubscribe;
  /** Fires once when the link goes away without close() being called (unplug, pty closed). */
  onLost(listener: (reason: string) => void): Unsubscribe;
  readonly isOpen: boolean;
}

export type LinkFactory = () => ByteLink;

export type Parity = 'none' | 'even' | 'odd';

export interface SerialSettings {
  readonly path: string;
  readonly baudRate: number;
  readonly parity: Parity;
}

/** Bits one byte occupies on the wire: start + 8 data + parity + 1 stop. */
export const bitsPerByte = (parity: Parity): number => (parity === 'none' ? 10 : 11);
