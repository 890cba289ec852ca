import type { Migrations } from '../storage/database.ts';

/**
 * The catalogue's tables, in their own SQLite file next to the queue's:
 * records with the fields the kiosk searches, their copies (barcode ->
 * record), their genres (term -> record), and an FTS5 index kept in step
 * by triggers (external content: the text is stored once). What a search
 * sorts by sits in covering indexes: `kind` (0 copies to lend, 1 e-media,
 * 2 nothing to lend), `year`, and `shelf_mask`, one bit per branch with a
 * copy on its shelf (bits from catalog_branches), so "on the shelf here
 * first" never reads a record it does not return.
 */
export const CATALOG_MIGRATIONS: Migrations = {
  subsystem: 'catalog',
  steps: [
    `CREATE TABLE catalog_records (
       rowid INTEGER PRIMARY KEY,
       id TEXT NOT NULL UNIQUE,
       datestamp TEXT NOT NULL,
       harvest INTEGER NOT NULL,
       title TEXT NOT NULL,
       author TEXT,
       year INTEGER,
       language TEXT,
       languages TEXT NOT NULL,
       format TEXT NOT NULL,
       online INTEGER NOT NULL,
       audience TEXT,
       genres TEXT NOT NULL,
       genre_text TEXT NOT NULL,
       subjects TEXT NOT NULL,
       series TEXT,
       summary TEXT,
       isbn TEXT,
       kind INTEGER NOT NULL,
       shelf_mask INTEGER NOT NULL,
       copies TEXT NOT NULL
     );
     CREATE INDEX catalog_records_by_format ON catalog_records (format, language, audience, kind, year, shelf_mask);
     CREATE INDEX catalog_records_by_language ON catalog_records (language, audience, kind, year, shelf_mask);
     CREATE INDEX catalog_records_by_audience ON catalog_records (audience, kind, year, shelf_mask);
     CREATE INDEX catalog_records_harvest ON catalog_records (harvest);
     CREATE TABLE catalog_branches (code TEXT PRIMARY KEY, bit INTEGER NOT NULL UNIQUE);
     CREATE TABLE catalog_copies (barcode TEXT PRIMARY KEY, record INTEGER NOT NULL) WITHOUT ROWID;
     CREATE INDEX catalog_copies_record ON catalog_copies (record);
     CREATE TABLE catalog_genres (term TEXT NOT NULL COLLATE NOCASE, record INTEGER NOT NULL, PRIMARY KEY (term, record)) WITHOUT ROWID;
     CREATE INDEX catalog_genres_record ON catalog_genres (record);
     CREATE TABLE catalog_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
     CREATE VIRTUAL TABLE catalog_fts USING fts5(
       title, author, subjects, genre_text, series, summary,
       content='catalog_records', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
     );
     CREATE TRIGGER catalog_records_ai AFTER INSERT ON catalog_records BEGIN
       INSERT INTO catalog_fts (rowid, title, author, subjects, genre_text, series, summary)
       VALUES (new.rowid, new.title, new.author, new.subjects, new.genre_text, new.series, new.summary);
     END;
     CREATE TRIGGER catalog_records_ad AFTER DELETE ON catalog_records BEGIN
       INSERT INTO catalog_fts (catalog_fts, rowid, title, author, subjects, genre_text, series, summary)
       VALUES ('delete', old.rowid, old.title, old.author, old.subjects, old.genre_text, old.series, old.summary);
       DELETE FROM catalog_copies WHERE record = old.rowid;
       DELETE FROM catalog_genres WHERE record = old.rowid;
     END;
     CREATE TRIGGER catalog_records_au AFTER UPDATE OF title, author, subjects, genre_text, series, summary ON catalog_records BEGIN
       INSERT INTO catalog_fts (catalog_fts, rowid, title, author, subjects, genre_text, series, summary)
       VALUES ('delete', old.rowid, old.title, old.author, old.subjects, old.genre_text, old.series, old.summary);
       INSERT INTO catalog_fts (rowid, title, author, subjects, genre_text, series, summary)
       VALUES (new.rowid, new.title, new.author, new.subjects, new.genre_text, new.series, new.summary);
     END;`,
  ],
};
