import type { Unsubscribe } from '../../shared/events.ts';

/**
 * An open byte stream to a device: a serial port, a printer's device file,
 * or an in-memory cable to a simulator. Drivers get an opener and never
 * know which.
 */
export interface ByteLink {
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Unsubscribe;
  /** Fires once when the link goes away without close() being called (unplug, pty closed). */
  onLost(listener: (reason: string) => void): Unsubscribe;
  readonly isOpen: boolean;
  close(): Promise<void>;
}

/** Opens the link afresh each time the device is (re)opened; rejects with device.missing when it is not there. */
export type LinkOpener<L extends ByteLink = ByteLink> = () => Promise<L>;

export type Parity = 'none' | 'even' | 'odd';

/** Bits one byte occupies on the wire: start + 8 data + parity + 1 stop. */
export const bitsPerByte = (parity: Parity): number => (parity === 'none' ? 10 : 11);
