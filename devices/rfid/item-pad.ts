import type {
  ItemPad,
  LibraryTag,
  PadEvent,
  PollPace,
  RfidEvent,
  RfidReader,
  SecurityResult,
  SecurityState,
} from '../../shared/devices/rfid.ts';
import { isOpenBranchError, OpenBranchError } from '../../shared/errors.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { concat } from './codec/bytes.ts';
import { decodeTagData, toLibraryTag } from './codec/detect.ts';

export interface ItemPadOptions {
  readonly afiInLibrary: number;
  readonly afiOnLoan: number;
  readonly security: 'afi' | 'eas' | 'both';
  readonly blocks: number;
  /** Upper bound when an ISO 28560-2 tag needs more than the first read. */
  readonly maxBlocks?: number;
  readonly logger: Logger;
}

const codeOf = (e: unknown) => (isOpenBranchError(e) ? e.code : 'rfid.unknown');

/**
 * The pad as the flows see it: decoded library tags, events when they come
 * and go, and item security with a read-back. Patron cards are kept apart
 * (onPatronCard) so a card lying on the pad is never taken for an item.
 */
export class ReaderItemPad implements ItemPad {
  readonly id: string;
  private readonly items_ = new Map<string, LibraryTag>();
  private readonly cards = new Map<string, LibraryTag>();
  private readonly reading = new Set<string>();
  private readonly events = new Emitter<{ pad: PadEvent; card: LibraryTag; cardRemoved: LibraryTag }>();
  private unsubscribe: Unsubscribe | undefined;

  constructor(
    private readonly reader: RfidReader,
    private readonly o: ItemPadOptions,
  ) {
    this.id = reader.id;
  }

  start(): void {
    this.unsubscribe ??= this.reader.onEvent((e) => void this.handle(e));
  }

  setPace(pace: PollPace): void {
    this.reader.setPace?.(pace);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  items(): LibraryTag[] {
    return [...this.items_.values()];
  }

  onEvent(listener: (event: PadEvent) => void): Unsubscribe {
    return this.events.on('pad', listener);
  }

  onPatronCard(listener: (tag: LibraryTag) => void): Unsubscribe {
    return this.events.on('card', listener);
  }

  /** A patron card that was read on the pad has been lifted off it. */
  onPatronCardRemoved(listener: (tag: LibraryTag) => void): Unsubscribe {
    return this.events.on('cardRemoved', listener);
  }

  private async handle(event: RfidEvent): Promise<void> {
    if (event.type === 'tag-removed') {
      this.reading.delete(event.uid);
      if (this.items_.delete(event.uid)) this.events.emit('pad', { type: 'item.lifted', uid: event.uid });
      const card = this.cards.get(event.uid);
      if (card && this.cards.delete(event.uid)) this.events.emit('cardRemoved', card);
      return;
    }
    const uid = event.tag.uid;
    this.reading.add(uid);
    let outcome: { tag: LibraryTag } | { reason: string };
    try {
      outcome = { tag: await this.readTag(uid) };
    } catch (first) {
      // One retry: a tag sliding onto the pad often fails its first read.
      try {
        outcome = { tag: await this.readTag(uid) };
      } catch (e) {
        outcome = { reason: codeOf(e) };
        this.o.logger.warn({ uid, reason: outcome.reason, first: codeOf(first) }, 'tag unreadable');
      }
    }
    if (!this.reading.delete(uid)) return; // lifted while we were reading
    if ('reason' in outcome) {
      this.events.emit('pad', { type: 'tag.unreadable', uid, reason: outcome.reason });
    } else if (outcome.tag.usage === 'patron-card') {
      this.cards.set(uid, outcome.tag);
      this.events.emit('card', outcome.tag);
    } else {
      this.items_.set(uid, outcome.tag);
      this.events.emit('pad', { type: 'item.placed', tag: outcome.tag });
    }
  }

  /** Reads and decodes one tag; blank tags are reported as `codec.tag.blank`. */
  async readTag(uid: string): Promise<LibraryTag> {
    const max = this.o.maxBlocks ?? 28;
    let data = await this.reader.readBlocks(uid, 0, this.o.blocks);
    for (;;) {
      try {
        const decoded = decodeTagData(data);
        if (decoded.model === 'blank') throw new OpenBranchError('codec.tag.blank', 'tag holds no library data', { uid });
        return toLibraryTag(uid, decoded);
      } catch (e) {
        const blocksRead = data.length / 4;
        if (!isOpenBranchError(e, 'codec.iso28560-2.truncated') || blocksRead >= max) throw e;
        const more = Math.min(this.o.blocks, max - blocksRead);
        data = concat(data, await this.reader.readBlocks(uid, blocksRead, more));
      }
    }
  }

  async setSecurity(uid: string, state: SecurityState): Promise<SecurityResult> {
    const secured = state === 'secured';
    try {
      if (this.o.security !== 'eas') {
        const afi = secured ? this.o.afiInLibrary : this.o.afiOnLoan;
        await this.retry(() => this.reader.writeAfi(uid, afi));
        const back = await this.reader.readAfi(uid);
        if (back !== afi) return { uid, requested: state, confirmed: false, reason: 'rfid.afi-mismatch' };
      }
      if (this.o.security !== 'afi') {
        await this.retry(() => this.reader.setEas(uid, secured));
        if (!this.reader.readEas) return { uid, requested: state, confirmed: false, reason: 'rfid.eas-unconfirmed' };
        if ((await this.reader.readEas(uid)) !== secured) return { uid, requested: state, confirmed: false, reason: 'rfid.eas-mismatch' };
      }
      return { uid, requested: state, confirmed: true };
    } catch (e) {
      this.o.logger.warn({ uid, state, reason: codeOf(e) }, 'security change failed');
      return { uid, requested: state, confirmed: false, reason: codeOf(e) };
    }
  }

  private async retry(write: () => Promise<void>, attempts = 3): Promise<void> {
    for (let i = 1; ; i++) {
      try {
        return await write();
      } catch (e) {
        if (i >= attempts || isOpenBranchError(e, 'device.unsupported') || isOpenBranchError(e, 'device.missing')) throw e;
      }
    }
  }
}
