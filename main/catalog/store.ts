import type { CatalogRecord } from '../../shared/domain/catalog.ts';
import { type Db, migrate, openDatabase } from '../storage/database.ts';
import { CATALOG_MIGRATIONS } from './schema.ts';

/** One record of a harvested page: upserted, or removed when deleted. */
export interface HarvestedRecord {
  readonly id: string;
  readonly datestamp: string;
  readonly deleted: boolean;
  readonly record?: CatalogRecord;
}

export type StateKey = 'lastDatestamp' | 'lastFullAt' | 'lastHarvestAt' | 'lastResult' | 'lastError' | 'resumeToken' | 'harvest';

/** Opens (and migrates) the catalogue file. Re-harvestable data: NORMAL sync in WAL is durable enough. */
export function openCatalogDb(file: string): Db {
  const db = openDatabase(file);
  db.pragma('synchronous = NORMAL');
  migrate(db, CATALOG_MIGRATIONS);
  return db;
}

/** Writes harvested records: a page in one transaction, so a cut-off page changes nothing. */
export class CatalogStore {
  private readonly upsert;
  private readonly removeById;
  private readonly clearCopies;
  private readonly clearGenres;
  private readonly addCopy;
  private readonly addGenre;
  private readonly rowidOf;
  private readonly bits: Map<string, bigint>;

  constructor(readonly db: Db) {
    this.bits = new Map(
      (db.prepare('SELECT code, bit FROM catalog_branches').safeIntegers().all() as { code: string; bit: bigint }[]).map((b) => [
        b.code,
        b.bit,
      ]),
    );
    this.upsert = db.prepare(
      `INSERT INTO catalog_records (id, datestamp, harvest, title, author, year, language, languages, format, online, audience,
         genres, genre_text, subjects, series, summary, isbn, kind, shelf_mask, copies)
       VALUES (@id, @datestamp, @harvest, @title, @author, @year, @language, @languages, @format, @online, @audience,
         @genres, @genreText, @subjects, @series, @summary, @isbn, @kind, @shelfMask, @copies)
       ON CONFLICT(id) DO UPDATE SET datestamp = excluded.datestamp, harvest = excluded.harvest, title = excluded.title,
         author = excluded.author, year = excluded.year, language = excluded.language, languages = excluded.languages,
         format = excluded.format, online = excluded.online, audience = excluded.audience, genres = excluded.genres,
         genre_text = excluded.genre_text, subjects = excluded.subjects, series = excluded.series, summary = excluded.summary,
         isbn = excluded.isbn, kind = excluded.kind, shelf_mask = excluded.shelf_mask, copies = excluded.copies`,
    );
    this.rowidOf = db.prepare('SELECT rowid FROM catalog_records WHERE id = ?').pluck();
    this.removeById = db.prepare('DELETE FROM catalog_records WHERE id = ?');
    this.clearCopies = db.prepare('DELETE FROM catalog_copies WHERE record = ?');
    this.clearGenres = db.prepare('DELETE FROM catalog_genres WHERE record = ?');
    this.addCopy = db.prepare('INSERT OR REPLACE INTO catalog_copies (barcode, record) VALUES (?, ?)');
    this.addGenre = db.prepare('INSERT OR IGNORE INTO catalog_genres (term, record) VALUES (?, ?)');
  }

  /** Applies one page; returns how many were stored and removed. */
  apply(page: readonly HarvestedRecord[], harvest: number): { stored: number; removed: number } {
    let stored = 0;
    let removed = 0;
    this.db.transaction(() => {
      for (const h of page) {
        if (h.deleted || !h.record) {
          removed += this.removeById.run(h.id).changes;
          continue;
        }
        const r = h.record;
        const lendable = r.copies.some((c) => c.status === 'available' || c.status === 'on-loan');
        let shelfMask = 0n;
        for (const c of r.copies) if (c.status === 'available') shelfMask |= this.branchBit(c.holding);
        this.upsert.run({
          id: h.id,
          datestamp: h.datestamp,
          harvest,
          title: r.title,
          author: r.author ?? null,
          year: r.year ?? null,
          language: r.language ?? null,
          languages: r.languages.join(' '),
          format: r.format,
          online: r.online ? 1 : 0,
          audience: r.audience ?? null,
          genres: JSON.stringify(r.genres),
          genreText: r.genres.map((g) => g.term).join('; '),
          subjects: r.subjects.join('; '),
          series: r.series ?? null,
          summary: r.summary ?? null,
          isbn: r.isbn ?? null,
          kind: r.online ? 1 : lendable ? 0 : 2,
          shelfMask,
          copies: JSON.stringify(r.copies),
        });
        const rowid = this.rowidOf.get(h.id) as number;
        this.clearCopies.run(rowid);
        this.clearGenres.run(rowid);
        for (const c of r.copies) this.addCopy.run(c.barcode, rowid);
        for (const g of new Set(r.genres.map((g) => g.term))) this.addGenre.run(g, rowid);
        stored++;
      }
    })();
    return { stored, removed };
  }

  /**
   * The bit of a branch in shelf_mask (62 branches fit; a region with more
   * gives the rest no bit, and their kiosks list matches without putting
   * the shelf's own first).
   */
  branchBit(code: string): bigint {
    const known = this.bits.get(code);
    if (known !== undefined) return known;
    const bit = this.bits.size < 62 ? 1n << BigInt(this.bits.size) : 0n;
    if (bit !== 0n) this.db.prepare('INSERT INTO catalog_branches (code, bit) VALUES (?, ?)').run(code, bit);
    this.bits.set(code, bit);
    return bit;
  }

  /** After a complete full harvest: records it did not list are gone from the source. */
  dropOlderThan(harvest: number): number {
    return this.db.prepare('DELETE FROM catalog_records WHERE harvest < ?').run(harvest).changes;
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM catalog_records').pluck().get() as number;
  }

  get(key: StateKey): string | undefined {
    return this.db.prepare('SELECT value FROM catalog_state WHERE key = ?').pluck().get(key) as string | undefined;
  }

  set(key: StateKey, value: string | undefined): void {
    if (value === undefined) this.db.prepare('DELETE FROM catalog_state WHERE key = ?').run(key);
    else
      this.db
        .prepare('INSERT INTO catalog_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(key, value);
  }
}
