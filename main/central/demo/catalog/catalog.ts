import type { DemoItem } from '../data.ts';
import { demoItemFacts } from './demo-records.ts';
import { type CatalogRecord, generateRecord, type RecordSeedFacts } from './generate-record.ts';

export const DEFAULT_CATALOG_SIZE = 2_100;
export const DEFAULT_CATALOG_SEED = 17;
/** Datestamps of the generated records start here and advance 47 s per record. */
const BASE = Date.UTC(2025, 0, 1);
const STEP_MS = 47_000;

export interface DemoCatalogOptions {
  /** Record slots; every 50th generated one is a deleted record, so about 98% are live. */
  readonly size?: number;
  readonly seed?: number;
  /** Due dates of copies on loan are counted from this day. */
  readonly today?: Date;
}

/** One OAI-PMH header: identifier, datestamp (UTC, seconds), deleted or not. */
export interface CatalogEntry {
  readonly index: number;
  readonly id: string;
  readonly datestamp: number;
  readonly deleted: boolean;
}

/**
 * The demo region's catalogue: records generated on demand from (seed,
 * index), so 100,000 records cost no memory; the demo ACS's own items are
 * the first records. Changes made while running (a record edited or
 * deleted) get a new datestamp, as in Koha, for incremental harvests.
 */
export class DemoCatalog {
  readonly size: number;
  readonly seed: number;
  private readonly today: Date;
  private readonly fixed: readonly RecordSeedFacts[];
  private readonly changed = new Map<number, { datestamp: number; deleted: boolean; edition: number }>();

  constructor(o: DemoCatalogOptions = {}) {
    this.today = o.today ?? new Date();
    this.fixed = demoItemFacts(this.today);
    this.size = Math.max(o.size ?? DEFAULT_CATALOG_SIZE, this.fixed.length);
    this.seed = o.seed ?? DEFAULT_CATALOG_SEED;
  }

  entry(index: number): CatalogEntry {
    const change = this.changed.get(index);
    return {
      index,
      id: String(index + 1),
      datestamp: change?.datestamp ?? BASE + index * STEP_MS,
      deleted: change?.deleted ?? (index >= this.fixed.length && index % 50 === 49),
    };
  }

  /** The entry of a biblionumber, or undefined. */
  entryOf(id: string): CatalogEntry | undefined {
    const index = Number(id) - 1;
    return Number.isInteger(index) && index >= 0 && index < this.size && /^\d+$/.test(id) ? this.entry(index) : undefined;
  }

  record(index: number): CatalogRecord {
    const record = generateRecord(this.seed, index, this.today, this.fixed[index]);
    const edition = this.changed.get(index)?.edition ?? 0;
    if (edition === 0) return record;
    // An edited record: the summary says which edition, so a harvest can tell it got the new one.
    return { ...record, fields: record.fields.map((f) => (f[0] === '520' ? [...f.slice(0, 3), `${f[3]} (rättad ${edition})`] : f)) };
  }

  /** The earliest datestamp (OAI Identify). */
  earliest(): number {
    return BASE;
  }

  /** Untouched records whose datestamps fall in [from, until] are the indices lo..hi (datestamps grow with the index). */
  baseRange(from: number, until: number): readonly [number, number] {
    const lo = Math.max(0, Math.ceil((from - BASE) / STEP_MS));
    const hi = Math.min(this.size - 1, Math.floor((until - BASE) / STEP_MS));
    return [lo, hi];
  }

  changedIndexes(): number[] {
    return [...this.changed.keys()];
  }

  isChanged(index: number): boolean {
    return this.changed.has(index);
  }

  /** Records changed while running, with datestamps in [from, until], oldest first. */
  changedIn(from: number, until: number): CatalogEntry[] {
    return [...this.changed.keys()]
      .map((i) => this.entry(i))
      .filter((e) => e.datestamp >= from && e.datestamp <= until)
      .sort((a, b) => a.datestamp - b.datestamp || a.index - b.index);
  }

  /** Edits (new datestamp and a changed summary) or deletes records, as a cataloguer in Koha would. */
  change(ids: { readonly updated?: readonly string[]; readonly deleted?: readonly string[] }, at: Date): void {
    const stamp = Math.floor(at.getTime() / 1000) * 1000;
    for (const id of ids.updated ?? []) {
      const e = this.entryOf(id);
      if (e) this.changed.set(e.index, { datestamp: stamp, deleted: false, edition: (this.changed.get(e.index)?.edition ?? 0) + 1 });
    }
    for (const id of ids.deleted ?? []) {
      const e = this.entryOf(id);
      if (e) this.changed.set(e.index, { datestamp: stamp, deleted: true, edition: 0 });
    }
  }

  /** Every copy as a demo ACS item (the SIP2 side lends and routes these). */
  *items(): Generator<DemoItem & { readonly due?: string }> {
    for (let i = 0; i < this.size; i++) {
      if (this.entry(i).deleted) continue;
      const record = this.record(i);
      const title = record.fields.find((f) => f[0] === '245')?.[3] ?? '';
      const type = record.leader[6];
      for (const c of record.copies) {
        yield {
          itemId: c.barcode,
          title,
          owner: c.home,
          parts: 1,
          mediaType: type === 'i' ? 'audiobook' : type === 'g' ? 'dvd' : c.notForLoan ? 'reference' : 'book',
          callNumber: c.callNumber,
          ...(c.notForLoan ? { notForLoan: true } : {}),
          note: '',
          biblio: record.id,
          ...(c.due ? { due: c.due } : {}),
        };
      }
    }
  }
}
