import type { PollPace, RfidEvent, RfidReader, TagSeen } from '../../../shared/devices/rfid.ts';
import { isOpenBranchError, OpenBranchError } from '../../../shared/errors.ts';
import { Emitter } from '../../../shared/events.ts';
import type { Logger } from '../../../shared/logger.ts';
import type { ByteLink, LinkOpener } from '../../serial/byte-link.ts';
import type { Exchange } from '../../serial/codec/exchange.ts';
import { SerialDevice } from '../../serial/serial-device.ts';
import { Transactor } from '../../serial/transactor.ts';
import type { ReaderProtocol } from '../codec/protocol.ts';
import { chipOfUid } from './chip.ts';
import { TagPresence } from './tag-presence.ts';

/** How the kiosk writes item security on this pad (from its config entry), for the item pad over it. */
export interface ItemSettings {
  readonly afiInLibrary: number;
  readonly afiOnLoan: number;
  readonly security: 'afi' | 'eas' | 'both';
  /** Blocks read first for each tag. */
  readonly blocks: number;
}

export interface ReaderOptions<F> {
  readonly id: string;
  readonly itemSettings: ItemSettings;
  readonly driver: string;
  readonly protocol: ReaderProtocol<F>;
  readonly link: LinkOpener;
  readonly logger: Logger;
  /** Pause between inventories at idle and while a session is open. */
  readonly pollIntervalMs: number;
  readonly activePollIntervalMs: number;
  readonly timeoutMs: number;
  /** Inventories in a row without a tag before tag-removed. */
  readonly missesToRemove: number;
  /** Timeouts in a row that count as "the reader is gone". */
  readonly timeoutsToLose: number;
}

/**
 * One driver for every pad: the protocol (FEIG, 3M) is data, the link is
 * injected. It polls and debounces; the link's lifecycle is SerialDevice's
 * and reopening a lost reader is the device manager's.
 */
export class SerialRfidReader<F> extends SerialDevice implements RfidReader {
  readonly kind = 'rfid' as const;
  readonly id: string;
  readonly driver: string;
  readonly itemSettings: ItemSettings;
  private readonly events = new Emitter<{ rfid: RfidEvent }>();
  private readonly presence: TagPresence;
  private tx: Transactor<F> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timeouts = 0;
  private pace: PollPace = 'idle';
  private polling = false;

  constructor(private readonly o: ReaderOptions<F>) {
    super(o.link);
    this.id = o.id;
    this.driver = o.driver;
    this.itemSettings = o.itemSettings;
    this.presence = new TagPresence(o.missesToRemove);
  }

  onEvent(listener: (event: RfidEvent) => void) {
    return this.events.on('rfid', listener);
  }

  protected override attach(link: ByteLink): void {
    this.tx = new Transactor(link, this.o.protocol.createParser(), this.o.timeoutMs, this.o.logger);
    this.timeouts = 0;
    this.schedule(0);
  }

  protected override detach(): void {
    clearTimeout(this.timer);
    this.tx?.dispose(new OpenBranchError('device.missing', 'reader closed'));
    this.tx = undefined;
  }

  /**
   * A session opened: poll at once and then at the active pace, so the first
   * item placed is not kept waiting for the rest of an idle pause.
   */
  setPace(pace: PollPace): void {
    if (pace === this.pace) return;
    this.pace = pace;
    if (pace === 'active' && this.tx && !this.polling) this.schedule(0);
  }

  /** The pace it polls at now (the technician screen and tests read it). */
  get currentPace(): PollPace {
    return this.pace;
  }

  private get interval(): number {
    return this.pace === 'active' ? this.o.activePollIntervalMs : this.o.pollIntervalMs;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), ms);
  }

  private async poll(): Promise<void> {
    if (!this.tx) return;
    this.polling = true;
    try {
      const seen = await this.inventory();
      this.timeouts = 0;
      for (const event of this.presence.update(seen)) this.events.emit('rfid', event);
    } catch (e) {
      if (isOpenBranchError(e, 'device.timeout') && ++this.timeouts >= this.o.timeoutsToLose) {
        this.polling = false;
        await this.lost('reader stopped answering');
        return;
      }
      if (!isOpenBranchError(e, 'device.missing'))
        this.o.logger.warn({ code: isOpenBranchError(e) ? e.code : 'unknown' }, 'inventory failed');
    }
    this.polling = false;
    if (this.tx) this.schedule(this.interval);
  }

  private run<T>(exchange: () => Exchange<F, T>): Promise<T> {
    const tx = this.tx;
    if (!tx) return Promise.reject(this.notConnected());
    return tx.run(exchange());
  }

  async inventory(): Promise<TagSeen[]> {
    let page = await this.run(() => this.o.protocol.inventory());
    const entries = [...page.tags];
    // A full pad does not fit one frame: fetch the reader's further pages (bounded).
    for (let pages = 1; page.more && pages < 50; pages++) {
      page = await this.run(() => this.o.protocol.inventory(true));
      entries.push(...page.tags);
    }
    return entries.map((e) => ({ uid: e.uid, chip: chipOfUid(e.uid) }));
  }

  readBlocks(uid: string, first: number, count: number): Promise<Uint8Array> {
    return this.run(() => this.o.protocol.readBlocks(uid, first, count));
  }

  writeBlocks(uid: string, first: number, data: Uint8Array): Promise<void> {
    return this.run(() => this.o.protocol.writeBlocks(uid, first, data));
  }

  readAfi(uid: string): Promise<number> {
    return this.run(() => this.o.protocol.readAfi(uid));
  }

  writeAfi(uid: string, afi: number): Promise<void> {
    return this.run(() => this.o.protocol.writeAfi(uid, afi));
  }

  setEas(uid: string, enabled: boolean): Promise<void> {
    const { setEas } = this.o.protocol;
    if (!setEas) return Promise.reject(new OpenBranchError('device.unsupported', `${this.driver} has no EAS command`));
    return this.run(() => setEas(uid, enabled));
  }

  readEas(uid: string): Promise<boolean> {
    const { readEas } = this.o.protocol;
    if (!readEas) return Promise.reject(new OpenBranchError('device.unsupported', `${this.driver} has no EAS command`));
    return this.run(() => readEas(uid));
  }
}
