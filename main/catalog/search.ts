import type { Audience, CatalogCopy, CatalogFormat, CatalogRecord, Genre } from '../../shared/domain/catalog.ts';
import type { Db } from '../storage/database.ts';

export interface CatalogQuery {
  /** Words from the patron or technician (title, author, subjects, genre, series, summary). */
  readonly text?: string;
  /** 655 terms, any of them (case-insensitive). */
  readonly genres?: readonly string[];
  readonly formats?: readonly CatalogFormat[];
  /** MARC language codes (swe, eng, ...). */
  readonly languages?: readonly string[];
  readonly audiences?: readonly Audience[];
  /** This branch: titles with a copy on its shelf come first. */
  readonly here?: string;
  readonly exclude?: readonly string[];
  readonly limit?: number;
}

export interface SearchHit extends CatalogRecord {
  /** A copy stands on the shelf of `here` now. */
  readonly onShelfHere: boolean;
}

interface Row {
  id: string;
  title: string;
  author: string | null;
  year: number | null;
  language: string | null;
  languages: string;
  format: CatalogFormat;
  online: number;
  audience: Audience | null;
  genres: string;
  subjects: string;
  series: string | null;
  summary: string | null;
  isbn: string | null;
  copies: string;
  here: number;
}

/** Patron words as an FTS5 query that cannot be a syntax error: each word quoted, prefix-matched, all required. */
export function ftsQuery(text: string): string | undefined {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : undefined;
}

export function toRecord(row: Omit<Row, 'here'>): CatalogRecord {
  return {
    id: row.id,
    title: row.title,
    ...(row.author ? { author: row.author } : {}),
    ...(row.year ? { year: row.year } : {}),
    ...(row.language ? { language: row.language } : {}),
    languages: row.languages ? row.languages.split(' ') : [],
    format: row.format,
    online: row.online === 1,
    ...(row.audience ? { audience: row.audience } : {}),
    genres: JSON.parse(row.genres) as Genre[],
    subjects: row.subjects ? row.subjects.split('; ') : [],
    ...(row.series ? { series: row.series } : {}),
    ...(row.summary ? { summary: row.summary } : {}),
    ...(row.isbn ? { isbn: row.isbn } : {}),
    copies: JSON.parse(row.copies) as CatalogCopy[],
  };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Searches the local catalogue: every given facet must match (any value
 * within a facet), on the shelf here first, then by relevance to the words,
 * newest first.
 */
export function searchCatalog(db: Db, q: CatalogQuery): SearchHit[] {
  const where: string[] = [];
  const args: unknown[] = [` ${q.here ?? '\u0000'} `];
  const match = q.text ? ftsQuery(q.text) : undefined;
  if (q.text && !match) return [];
  if (q.genres?.length) {
    where.push(`r.rowid IN (SELECT record FROM catalog_genres WHERE term IN (${marks(q.genres.length)}))`);
    args.push(...q.genres);
  }
  for (const [column, values] of [
    ['format', q.formats],
    ['language', q.languages],
    ['audience', q.audiences],
  ] as const) {
    if (!values?.length) continue;
    where.push(`r.${column} IN (${marks(values.length)})`);
    args.push(...values);
  }
  if (q.exclude?.length) {
    where.push(`r.id NOT IN (${marks(q.exclude.length)})`);
    args.push(...q.exclude);
  }
  if (match) {
    where.push('catalog_fts MATCH ?');
    args.push(match);
  }
  const from = match ? 'catalog_fts JOIN catalog_records r ON r.rowid = catalog_fts.rowid' : 'catalog_records r';
  const sql = `SELECT r.id, r.title, r.author, r.year, r.language, r.languages, r.format, r.online, r.audience, r.genres, r.subjects,
      r.series, r.summary, r.isbn, r.copies, instr(r.available_at, ?) > 0 AS here
    FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY here DESC, ${match ? 'catalog_fts.rank, ' : ''}r.year DESC, r.rowid LIMIT ?`;
  args.push(Math.max(1, Math.min(q.limit ?? 50, 500)));
  return (db.prepare(sql).all(...args) as Row[]).map((row) => ({ ...toRecord(row), onShelfHere: row.here === 1 }));
}

/** The record a copy belongs to (the patron's own loans, for "like this one"). */
export function recordOfCopy(db: Db, barcode: string): CatalogRecord | undefined {
  const row = db
    .prepare(
      `SELECT r.id, r.title, r.author, r.year, r.language, r.languages, r.format, r.online, r.audience, r.genres, r.subjects,
         r.series, r.summary, r.isbn, r.copies
       FROM catalog_copies c JOIN catalog_records r ON r.rowid = c.record WHERE c.barcode = ?`,
    )
    .get(barcode) as Omit<Row, 'here'> | undefined;
  return row ? toRecord(row) : undefined;
}
