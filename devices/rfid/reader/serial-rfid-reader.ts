import type { RfidEvent, RfidReader, TagSeen } from '../../../shared/devices/rfid.ts';
import type { DeviceStatus } from '../../../shared/devices/status.ts';
import { isOpenBranchError, OpenBranchError } from '../../../shared/errors.ts';
import { Emitter } from '../../../shared/events.ts';
import type { Logger } from '../../../shared/logger.ts';
import type { Exchange, ReaderProtocol } from '../codec/protocol.ts';
import type { ByteLink, LinkFactory } from '../transport/link.ts';
import { Transactor } from '../transport/transactor.ts';
import { chipOfUid } from './chip.ts';
import { TagPresence } from './tag-presence.ts';

export interface ReaderOptions<F> {
  readonly id: string;
  readonly driver: string;
  readonly protocol: ReaderProtocol<F>;
  readonly link: LinkFactory;
  readonly logger: Logger;
  readonly pollIntervalMs: number;
  readonly timeoutMs: number;
  /** Inventories in a row without a tag before tag-removed. */
  readonly missesToRemove: number;
  readonly reconnectMs: number;
  /** Timeouts in a row that count as "the reader is gone". */
  readonly timeoutsToLose: number;
}

/**
 * One driver for every serial pad: the protocol (FEIG, 3M) is data, the link
 * is injected. Owns the polling loop, debouncing, status and reconnection:
 * unplugging gives `missing`, and a reader that comes back is picked up again.
 */
export class SerialRfidReader<F> implements RfidReader {
  readonly kind = 'rfid' as const;
  readonly id: string;
  readonly driver: string;
  private status_: DeviceStatus = { state: 'closed', since: new Date().toISOString() };
  private readonly events = new Emitter<{ status: DeviceStatus; rfid: RfidEvent }>();
  private readonly presence: TagPresence;
  private link: ByteLink | undefined;
  private tx: Transactor<F> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private timeouts = 0;

  constructor(private readonly o: ReaderOptions<F>) {
    this.id = o.id;
    this.driver = o.driver;
    this.presence = new TagPresence(o.missesToRemove);
  }

  status(): DeviceStatus {
    return this.status_;
  }

  onStatus(listener: (status: DeviceStatus) => void) {
    return this.events.on('status', listener);
  }

  onEvent(listener: (event: RfidEvent) => void) {
    return this.events.on('rfid', listener);
  }

  private setStatus(state: DeviceStatus['state'], reason?: string): void {
    if (this.status_.state === state && this.status_.reason === reason) return;
    this.status_ = { state, since: new Date().toISOString(), ...(reason === undefined ? {} : { reason }) };
    this.o.logger.info({ state, reason }, 'rfid reader status');
    this.events.emit('status', this.status_);
  }

  /** Resolves after the first connection attempt; a missing reader keeps being retried. */
  async open(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.setStatus('connecting');
    await this.connect();
  }

  private async connect(): Promise<void> {
    const link = this.o.link();
    try {
      await link.open();
    } catch (e) {
      this.setStatus('missing', isOpenBranchError(e) ? e.message : 'cannot open');
      this.schedule(this.o.reconnectMs, () => this.connect());
      return;
    }
    if (this.stopped) {
      await link.close();
      return;
    }
    this.link = link;
    this.tx = new Transactor(link, this.o.protocol.createParser(), this.o.timeoutMs, this.o.logger);
    link.onLost((reason) => {
      if (this.link === link) this.lose(reason); // a stale link from before a reconnect is ignored
    });
    this.timeouts = 0;
    this.setStatus('connected');
    this.schedule(0, () => this.poll());
  }

  private lose(reason: string): void {
    if (this.stopped || !this.link) return;
    const link = this.link;
    this.link = undefined;
    this.tx?.dispose(new OpenBranchError('device.missing', reason));
    this.tx = undefined;
    void link.close().catch(() => undefined);
    this.setStatus('missing', reason);
    this.schedule(this.o.reconnectMs, () => this.connect());
  }

  private schedule(ms: number, run: () => Promise<void>): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void run(), ms);
  }

  private async poll(): Promise<void> {
    if (this.stopped || !this.tx) return;
    try {
      const seen = await this.inventory();
      this.timeouts = 0;
      for (const event of this.presence.update(seen)) this.events.emit('rfid', event);
    } catch (e) {
      if (isOpenBranchError(e, 'device.timeout') && ++this.timeouts >= this.o.timeoutsToLose) {
        this.lose('reader stopped answering');
        return;
      }
      if (!isOpenBranchError(e, 'device.missing'))
        this.o.logger.warn({ code: isOpenBranchError(e) ? e.code : 'unknown' }, 'inventory failed');
    }
    if (this.tx) this.schedule(this.o.pollIntervalMs, () => this.poll());
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.tx?.dispose(new OpenBranchError('device.missing', 'reader closed'));
    this.tx = undefined;
    const link = this.link;
    this.link = undefined;
    await link?.close();
    this.setStatus('closed');
  }

  private run<T>(exchange: () => Exchange<F, T>): Promise<T> {
    const tx = this.tx;
    if (!tx) return Promise.reject(new OpenBranchError('device.missing', 'reader is not connected', { id: this.id }));
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
