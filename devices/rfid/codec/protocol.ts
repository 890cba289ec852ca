import type { Exchange, FrameSource } from '../../serial/codec/exchange.ts';

export type { Exchange } from '../../serial/codec/exchange.ts';

export interface InventoryEntry {
  readonly uid: string;
  readonly dsfid?: number;
}

/** One answer to an inventory; `more` says the reader holds further tags (FEIG status 0x94). */
export interface InventoryPage {
  readonly tags: InventoryEntry[];
  readonly more: boolean;
}

/** A reader protocol as pure data: the driver supplies the transport and the timing. */
export interface ReaderProtocol<F> {
  readonly name: string;
  createParser(): FrameSource<F>;
  /** `more` asks for the next page of the previous inventory. */
  inventory(more?: boolean): Exchange<F, InventoryPage>;
  readBlocks(uid: string, first: number, count: number): Exchange<F, Uint8Array>;
  writeBlocks(uid: string, first: number, data: Uint8Array): Exchange<F, void>;
  readAfi(uid: string): Exchange<F, number>;
  writeAfi(uid: string, afi: number): Exchange<F, void>;
  setEas?(uid: string, enabled: boolean): Exchange<F, void>;
  readEas?(uid: string): Exchange<F, boolean>;
}
