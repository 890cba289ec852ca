import type { Unsubscribe } from '../events.ts';
import type { Device } from './status.ts';

/** ISO 15693 tag as seen in an inventory. `uid` is upper-case hex, MSB first. */
export interface TagSeen {
  readonly uid: string;
  /** Chip family guessed from the UID manufacturer code / IC reference (e.g. "icode-sli", "ti-tagit", "unknown"). */
  readonly chip?: string;
}

/** Which ISO 28560 part (and quirk) a tag's data was read as. */
export type TagModel = 'iso28560-3' | 'iso28560-2' | 'blank' | 'unknown';

export type UsageType = 'item' | 'patron-card' | 'discarded' | 'other';

/** Library data decoded from a tag: the part of the data model the flows need. */
export interface LibraryTag {
  readonly uid: string;
  readonly model: TagModel;
  /** Variant of the encoding that decoded (e.g. "standard", "nibble-swapped", "block-reversed"). */
  readonly variant?: string;
  readonly usage: UsageType;
  /** Primary item identifier: the barcode the ILS knows. */
  readonly itemId: string;
  /** Number of parts in the set (1 for a single item). */
  readonly partsInSet: number;
  /** This tag's part number, 1-based. */
  readonly partNumber: number;
  readonly country?: string;
  readonly isil?: string;
}

/** Security state of an item: in library (alarm at the gate) or released (on loan). */
export type SecurityState = 'secured' | 'released';

export interface SecurityResult {
  readonly uid: string;
  readonly requested: SecurityState;
  /** True only when a read-back after the write showed the requested state. */
  readonly confirmed: boolean;
  readonly reason?: string;
}

export type RfidEvent = { readonly type: 'tag-added'; readonly tag: TagSeen } | { readonly type: 'tag-removed'; readonly uid: string };

/** Low-level reader: one per physical pad (FEIG, 3M/bibliotheca, simulated). */
export interface RfidReader extends Device {
  readonly kind: 'rfid';
  inventory(): Promise<TagSeen[]>;
  readBlocks(uid: string, first: number, count: number): Promise<Uint8Array>;
  writeBlocks(uid: string, first: number, data: Uint8Array): Promise<void>;
  readAfi(uid: string): Promise<number>;
  writeAfi(uid: string, afi: number): Promise<void>;
  /** EAS set/reset on chips that support it (NXP ICODE SLI); rejects with device.unsupported otherwise. */
  setEas(uid: string, enabled: boolean): Promise<void>;
  readEas?(uid: string): Promise<boolean>;
  /** Polling loop events, debounced. */
  onEvent(listener: (event: RfidEvent) => void): Unsubscribe;
  /** Poll at the session's pace (a patron is placing items) or the idle pace (only cards are expected). */
  setPace?(pace: PollPace): void;
}

/** How often the pad looks for tags: fast while a session is open, slow at the start screen. */
export type PollPace = 'active' | 'idle';

export type PadEvent =
  | { readonly type: 'item.placed'; readonly tag: LibraryTag }
  | { readonly type: 'item.lifted'; readonly uid: string }
  | { readonly type: 'tag.unreadable'; readonly uid: string; readonly reason: string };

/**
 * What the flows use: the pad as a set of decoded library tags, plus item
 * security with read-back. Built on an RfidReader by devices/rfid.
 */
export interface ItemPad {
  readonly id: string;
  /** The decoded tags currently on the pad. */
  items(): LibraryTag[];
  onEvent(listener: (event: PadEvent) => void): Unsubscribe;
  setSecurity(uid: string, state: SecurityState): Promise<SecurityResult>;
  /** A session opened or ended: the reader polls faster while a patron may place items. */
  setPace?(pace: PollPace): void;
}
