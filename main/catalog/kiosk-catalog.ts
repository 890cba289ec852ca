import type { CatalogConfig } from '../../shared/config/catalog.ts';
import type { CatalogRecord } from '../../shared/domain/catalog.ts';
import type { LoanInfo } from '../../shared/domain/central.ts';
import type { Preferences } from '../../shared/domain/discover.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Db } from '../storage/database.ts';
import { type HarvestChildModule, harvestInChild } from './harvest-process.ts';
import type { HarvestResult } from './harvester.ts';
import { type Match, queryFor, rankMatches } from './recommend.ts';
import { recordOfCopy, searchCatalog, toRecord } from './search.ts';
import { CatalogStore, openCatalogDb } from './store.ts';

const DAY = 86_400_000;

export interface KioskCatalogOptions {
  readonly config: CatalogConfig;
  /** The catalogue's SQLite file (':memory:' in tests). */
  readonly file: string;
  /** Where to harvest from: catalog.oaiUrl, or the embedded demo's endpoint. */
  readonly oaiUrl: string | undefined;
  readonly here: string;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Harvest a catalogue file in a process of its own running this module (see harvest-child.ts); without it, here. */
  readonly harvestChild?: HarvestChildModule;
}

/**
 * The kiosk's catalogue: harvested in the background on the configured
 * schedule (in pages between which the kiosk's own work runs, so a patron
 * never waits on it), searched and ranked for "Tips för mig".
 */
export class KioskCatalog {
  readonly db: Db;
  readonly store: CatalogStore;
  private readonly changes = new Emitter<{ change: undefined }>();
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<HarvestResult | undefined> | undefined;
  private abort = new AbortController();
  private records: number;

  constructor(private readonly o: KioskCatalogOptions) {
    this.db = openCatalogDb(o.file);
    this.store = new CatalogStore(this.db);
    this.records = this.store.count();
  }

  /** Can it answer "Tips för mig"? (Enabled, with records.) */
  ready(): boolean {
    return this.o.config.enabled && this.records > 0;
  }

  onChange(listener: () => void): Unsubscribe {
    return this.changes.on('change', listener);
  }

  start(): void {
    if (!this.o.config.enabled || !this.o.oaiUrl) return;
    const s = this.o.config.schedule;
    const first = setTimeout(() => {
      void this.harvestNow();
      const every = setInterval(() => void this.harvestNow(), s.everyMinutes * 60_000);
      every.unref();
      this.timers.push(every);
    }, s.startDelaySeconds * 1000);
    first.unref();
    this.timers.push(first);
  }

  /** One harvest at a time; full when asked, the first time, or when the last full one is older than fullEveryDays. */
  harvestNow(full?: boolean): Promise<HarvestResult | undefined> {
    if (this.running) return this.running;
    const url = this.o.oaiUrl;
    if (!url) return Promise.resolve(undefined);
    const now = this.o.now ?? (() => new Date());
    const lastFull = this.store.get('lastFullAt');
    const days = this.o.config.schedule.fullEveryDays;
    const due = days > 0 && (!lastFull || now().getTime() - Date.parse(lastFull) > days * DAY);
    const c = this.o.config;
    const options = {
      url,
      full: full ?? due,
      timeoutMs: c.timeoutMs,
      retries: c.retries,
      backoffMs: c.backoffMs,
      maxBackoffMs: c.maxBackoffMs,
    };
    // A catalogue file is harvested by a process of its own, so the kiosk's heap stays the size of an idle
    // kiosk; in memory (tests) or on a test clock, here.
    const child = this.o.file !== ':memory:' && !this.o.now ? this.o.harvestChild : undefined;
    this.running = (
      child
        ? harvestInChild(child, { file: this.o.file, options }, this.o.logger, this.abort.signal)
        : // The harvester (XML parser, HTTP client) is loaded only by a kiosk that harvests in-process.
          import('./harvester.ts').then(({ harvest }) =>
            harvest(this.store, { ...options, logger: this.o.logger, signal: this.abort.signal, now }),
          )
    )
      .then((r) => {
        this.o.logger.info({ stored: r.stored, removed: r.removed, total: r.total, full: r.full }, 'catalogue harvested');
        return r;
      })
      .catch((e: Error) => {
        if (!this.abort.signal.aborted) this.o.logger.warn({ err: e.message }, 'catalogue harvest failed; the next one tries again');
        return undefined;
      })
      .finally(() => {
        this.running = undefined;
        this.records = this.store.count();
        this.changes.emit('change', undefined);
      });
    return this.running;
  }

  /** Ranked matches for a patron's choices (on the shelf here first). */
  recommend(p: Preferences): Match[] {
    const like = p.like ? recordOfCopy(this.db, p.like) : undefined;
    return rankMatches(searchCatalog(this.db, queryFor(p, this.o.here, like)), p, this.o.here, like).slice(0, 40);
  }

  /** The patron's loans that are in the catalogue, for "more like this one". */
  likeOptions(loans: readonly LoanInfo[]): { itemId: string; title: string }[] {
    return loans.flatMap((l) => {
      const r = recordOfCopy(this.db, l.itemId);
      return r ? [{ itemId: l.itemId, title: r.title }] : [];
    });
  }

  record(id: string): CatalogRecord | undefined {
    const row = this.db.prepare('SELECT * FROM catalog_records WHERE id = ?').get(id) as Parameters<typeof toRecord>[0] | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Stops the schedule, cuts a harvest under way (its unfinished page is not applied), closes the file. */
  async stop(): Promise<void> {
    this.abort.abort(new Error('kiosk stopping'));
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    await this.running;
    this.changes.clear();
    this.db.close();
  }
}

/**
 * The copy to name in a hold (Koha reserves the title from any of its
 * barcodes): one not on this branch's shelf (the patron could take that
 * one), preferring one that is lent out or elsewhere; never one not for loan.
 */
export function copyToReserve(r: CatalogRecord, here: string): string | undefined {
  const lendable = r.copies.filter((c) => c.status === 'available' || c.status === 'on-loan');
  const notHere = lendable.find((c) => !(c.status === 'available' && c.holding === here));
  return (notHere ?? lendable[0])?.barcode;
}
