import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { OpenBranchError } from '../../shared/errors.ts';
import { ensurePrivateDir, ensurePrivateFile } from './private-files.ts';

export type Db = Database.Database;

/**
 * One subsystem's schema steps; step i (0-based) takes the schema from
 * version i to i+1. A step is SQL, or a function for data that must be
 * rewritten in code (e.g. card numbers turned into keyed hashes).
 */
export interface Migrations {
  readonly subsystem: string;
  readonly steps: ReadonlyArray<string | ((db: Db) => void)>;
}

/**
 * Opens the kiosk's SQLite file with the durability the queue needs:
 * WAL so readers never block the writer, synchronous=FULL so a transaction
 * the patron was told about survives a power cut (NORMAL in WAL can lose
 * the last commits on power loss).
 */
export function openDatabase(file: string, options: { readonly readonly?: boolean } = {}): Db {
  if (file !== ':memory:' && !options.readonly) {
    // Patron data: the folder 0700, the file 0600, whichever command creates them first.
    ensurePrivateDir(dirname(file));
    ensurePrivateFile(file);
  }
  const db = new Database(file, { readonly: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  // A card number cleared or an attempt pruned is overwritten on disk, not left in a free page.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS schema_versions (subsystem TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  return db;
}

/**
 * Brings a subsystem's tables forward. A database written by a newer
 * OpenBranch (more steps than this build knows) is refused rather than
 * touched: a downgrade must never corrupt the queue.
 */
export function migrate(db: Db, migrations: Migrations): void {
  const row = db.prepare('SELECT version FROM schema_versions WHERE subsystem = ?').get(migrations.subsystem) as
    | { version: number }
    | undefined;
  const current = row?.version ?? 0;
  const known = migrations.steps.length;
  if (current > known) {
    throw new OpenBranchError(
      'queue.schema-newer',
      `the database's ${migrations.subsystem} tables are version ${current}, newer than this OpenBranch knows (${known}); install the newer version again or restore a backup`,
      { subsystem: migrations.subsystem, current, known },
    );
  }
  const apply = db.transaction(() => {
    for (let v = current; v < known; v++) {
      const step = migrations.steps[v]!;
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.prepare(
      'INSERT INTO schema_versions (subsystem, version) VALUES (?, ?) ON CONFLICT(subsystem) DO UPDATE SET version = excluded.version',
    ).run(migrations.subsystem, known);
  });
  if (current >= known) return;
  // New tables (every subsystem's at a first start) commit without waiting for the disk: a power cut
  // loses nothing but steps that run again at the next start, and WAL keeps the file whole. The next
  // commit at the file's own level (FULL: before any patron is told of a loan) makes them durable too.
  const level = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    apply.immediate();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
}
