import type { UsageType } from '../../../shared/devices/rfid.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { Emitter } from '../../../shared/events.ts';
import { toHex } from '../codec/bytes.ts';
import { decodeTagData } from '../codec/detect.ts';
import { encodeIso28560Part2 } from '../codec/iso28560-2.ts';
import { encodeIso28560Part3 } from '../codec/iso28560-3.ts';

/** Item data to program a simulated tag with (the composition root feeds demo items in). */
export interface SimulatedItem {
  readonly itemId: string;
  readonly partsInSet?: number;
  readonly partNumber?: number;
  readonly isil?: string;
  readonly country?: string;
  readonly usage?: UsageType;
  readonly model?: 'iso28560-3' | 'iso28560-2';
}

export interface PlaceTag {
  readonly uid?: string;
  /** Either library data to encode or raw user memory (e.g. a broken tag). */
  readonly item?: SimulatedItem;
  readonly data?: Uint8Array;
  readonly afi?: number;
  /** A tag whose AFI was locked (LOCK AFI): writes fail, as on real tags. */
  readonly afiLocked?: boolean;
  readonly eas?: boolean;
  /** User memory in 4-byte blocks; ICODE SLI has 28. */
  readonly blocks?: number;
}

export interface SimTag {
  readonly uid: string;
  readonly memory: Uint8Array;
  afi: number;
  readonly afiLocked: boolean;
  eas: boolean;
  dsfid: number;
}

export interface SimulatedTagInfo {
  readonly uid: string;
  readonly afi: number;
  readonly eas: boolean;
  readonly dataHex: string;
  /** What the tag holds, when it decodes (for the simulator panel). */
  readonly itemId?: string;
  readonly partsInSet?: number;
  readonly partNumber?: number;
  readonly usage?: UsageType;
}

/**
 * The tags lying on a simulated pad. Simulators of both protocols read and
 * write this state; tests and the kiosk's simulator panel place and lift tags.
 */
export class SimulatedPad {
  private readonly tags = new Map<string, SimTag>();
  private serial = 1;
  private readonly changes = new Emitter<{ change: undefined }>();

  place(input: PlaceTag): string {
    const uid = (input.uid ?? this.nextUid()).toUpperCase();
    if (!/^E0[0-9A-F]{14}$/.test(uid)) throw new OpenBranchError('rfid.simulator', 'UID must be 16 hex digits starting E0', { uid });
    const blocks = input.blocks ?? 28;
    const memory = new Uint8Array(blocks * 4);
    const data = input.data ?? (input.item ? encodeItem(input.item) : new Uint8Array(0));
    if (data.length > memory.length) throw new OpenBranchError('rfid.simulator', 'data larger than tag memory', { uid });
    memory.set(data);
    const model = input.item?.model ?? 'iso28560-3';
    this.tags.set(uid, {
      uid,
      memory,
      afi: input.afi ?? 0x07,
      afiLocked: input.afiLocked ?? false,
      eas: input.eas ?? true,
      dsfid: model === 'iso28560-2' ? 0x06 : 0x00,
    });
    this.changes.emit('change', undefined);
    return uid;
  }

  /** Simulators call this after writing a tag (AFI, EAS, data) so the panel shows the new state. */
  changed(): void {
    this.changes.emit('change', undefined);
  }

  lift(uid: string): boolean {
    const removed = this.tags.delete(uid.toUpperCase());
    if (removed) this.changes.emit('change', undefined);
    return removed;
  }

  clear(): void {
    this.tags.clear();
    this.changes.emit('change', undefined);
  }

  list(): SimulatedTagInfo[] {
    return [...this.tags.values()].map((t) => ({ uid: t.uid, afi: t.afi, eas: t.eas, dataHex: toHex(t.memory), ...contentsOf(t.memory) }));
  }

  get(uid: string): SimTag | undefined {
    return this.tags.get(uid.toUpperCase());
  }

  all(): SimTag[] {
    return [...this.tags.values()];
  }

  onChange(listener: () => void) {
    return this.changes.on('change', listener);
  }

  private nextUid(): string {
    // NXP (04), ICODE SLI (01), then a running serial number.
    let uid: string;
    do uid = `E00401${(this.serial++).toString(16).toUpperCase().padStart(10, '0')}`;
    while (this.tags.has(uid));
    return uid;
  }
}

function contentsOf(memory: Uint8Array): Pick<SimulatedTagInfo, 'itemId' | 'partsInSet' | 'partNumber' | 'usage'> {
  try {
    const tag = decodeTagData(memory);
    return tag.model === 'blank' ? {} : { itemId: tag.itemId, partsInSet: tag.partsInSet, partNumber: tag.partNumber, usage: tag.usage };
  } catch {
    return {};
  }
}

function encodeItem(item: SimulatedItem): Uint8Array {
  const common = {
    itemId: item.itemId,
    ...(item.partsInSet === undefined ? {} : { partsInSet: item.partsInSet }),
    ...(item.partNumber === undefined ? {} : { partNumber: item.partNumber }),
    ...(item.usage === undefined ? {} : { usage: item.usage }),
    ...(item.isil === undefined ? {} : { isil: item.isil }),
  };
  if (item.model === 'iso28560-2') return encodeIso28560Part2(common);
  return encodeIso28560Part3({ ...common, ...(item.country === undefined ? {} : { country: item.country }) });
}
