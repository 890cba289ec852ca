import type * as z from 'zod';
import type { ByteLink, Parity } from '../../serial/byte-link.ts';
import type { ReaderProtocol } from '../codec/protocol.ts';
import type { SimulatedPad } from '../simulator/simulated-pad.ts';

/**
 * One RFID reader protocol, everything about it in its own folder under
 * devices/rfid/readers/: the options it adds to a pad's, its wire protocol
 * as pure data, its serial line defaults, and a simulator that answers the
 * same frames. The generic pad driver (devices/rfid/reader/) does the I/O,
 * polling and status for every reader; main/devices/drivers.ts lists the
 * readers in one line.
 */
export interface ReaderDefinition<S extends z.ZodObject = z.ZodObject, F = unknown> {
  /** The config's `driver` value. */
  readonly name: string;
  /** Serial line defaults (a config entry may override baud and parity). */
  readonly line: { readonly baud: number; readonly parity: Parity };
  /** Options of this reader beyond every pad's (z.object({}) for none). */
  readonly schema: S;
  protocol(options: z.output<S>): ReaderProtocol<F>;
  /** A reader in memory that answers the protocol's frames from the tags on `pad`. */
  simulate(link: ByteLink, pad: SimulatedPad, options: z.output<S>): { stop(): void };
}

/** What every reader simulator takes. */
export interface SimulatorOptions {
  /** Extra time before each answer, standing in for the reader's RF work. */
  readonly answerDelayMs?: number;
}

export const defineReader = <S extends z.ZodObject, F>(reader: ReaderDefinition<S, F>): ReaderDefinition<S, F> => reader;
