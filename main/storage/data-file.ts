import { accessSync, constants, existsSync, readdirSync, renameSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isOpenBranchError } from '../../shared/errors.ts';
import { type Db, openDatabase } from './database.ts';
import { ensurePrivateDir, ensurePrivateFile, tightenFile } from './private-files.ts';
import { fromErrno, fromSqlite, isCorrupt, storageError } from './storage-errors.ts';

/** The kiosk's SQLite file in its data folder: queue, door log, statistics. */
export const DATA_FILE = 'openbranch.sqlite';
/** Below this the next loans and door entries could not be written: refuse to start rather than fail a patron later. */
export const MIN_FREE_BYTES = 1024 * 1024;
/** SQLite keeps a WAL file's recent commits and its index beside the file; they move and stay with it. */
const SIDE_FILES = ['-wal', '-shm'] as const;

export interface DataFileOptions {
  readonly now?: () => Date;
  readonly minFreeBytes?: number;
}

/**
 * Opens the kiosk's data file for a start, or throws a storage.* error
 * that names the file and what to do. Checked before anything else runs:
 * the folder and file can be read and written, there is room on the disk,
 * `PRAGMA quick_check` finds nothing wrong, and a durable write goes
 * through. A damaged file is moved aside (never deleted) so the next
 * start begins with an empty one.
 */
export function openDataFile(file: string, options: DataFileOptions = {}): Db {
  const dir = dirname(file);
  ensurePrivateDir(dir);
  for (const [path, mode, doing] of [
    [dir, constants.W_OK | constants.X_OK, 'write in the data folder'],
    ...[file, ...SIDE_FILES.map((s) => file + s)]
      .filter(existsSync)
      .map((f) => [f, constants.R_OK | constants.W_OK, 'read and write it'] as const),
  ] as const) {
    try {
      accessSync(path, mode);
    } catch (e) {
      throw fromErrno(e, path, doing);
    }
  }
  checkFreeSpace(dir, options.minFreeBytes ?? MIN_FREE_BYTES);
  createPrivateFile(file);
  let db: Db | undefined;
  try {
    db = openDatabase(file);
    const problems = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw Object.assign(new Error(problems.join('; ')), { code: 'SQLITE_CORRUPT' });
    db.exec('CREATE TABLE IF NOT EXISTS data_file_check (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL)');
    db.prepare('INSERT OR REPLACE INTO data_file_check (id, checked_at) VALUES (1, ?)').run((options.now?.() ?? new Date()).toISOString());
    return db;
  } catch (e) {
    closeQuietly(db);
    if (isCorrupt(e)) throw moveAside(file, e, options.now?.() ?? new Date());
    const typed = fromSqlite(e, file);
    // SQLite reports a full disk as SQLITE_FULL only sometimes (growing the WAL index gives IOERR_SHMSIZE).
    if (isOpenBranchError(typed, 'storage.io') && freeBytes(dir) < NEARLY_FULL)
      throw storageError('full', file, `the disk has no room left (${(e as { code?: string }).code})`, { cause: e });
    throw typed;
  }
}

/** Closing may checkpoint, which a damaged file can refuse: the error to report is the one already caught. */
function closeQuietly(db: Db | undefined): void {
  try {
    db?.close();
  } catch {
    // the first error is the one that matters
  }
}

/** A few pages: less than this left and a write failure is the full disk's doing. */
const NEARLY_FULL = 64 * 1024;

function freeBytes(dir: string): number {
  try {
    const s = statfsSync(dir);
    // bavail: what a non-root kiosk user may still use (root's reserve does not count).
    return s.bavail * s.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function checkFreeSpace(dir: string, minimum: number): void {
  const free = freeBytes(dir);
  if (free < minimum)
    throw storageError(
      'full',
      dir,
      `only ${Math.floor(free / 1024)} KiB free on the disk, at least ${Math.ceil(minimum / 1024)} KiB needed`,
    );
}

/** The file 0600 (created so if new), and SQLite's side files tightened like it. */
function createPrivateFile(file: string): void {
  ensurePrivateFile(file);
  for (const side of SIDE_FILES)
    if (existsSync(file + side))
      try {
        tightenFile(file + side);
      } catch (e) {
        throw fromErrno(e, file + side, 'set its permissions');
      }
}

/** `openbranch.sqlite` -> `openbranch.sqlite.corrupt-20261130T041500Z` (its -wal and -shm alike), then the error to report. */
function moveAside(file: string, cause: unknown, at: Date): Error {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  // Two damaged files in one second (a restart loop) must not overwrite each other: rename would.
  let aside = `${file}.corrupt-${stamp}`;
  for (let n = 2; existsSync(aside); n++) aside = `${file}.corrupt-${stamp}-${n}`;
  const detail = cause instanceof Error ? cause.message.split('\n').join(' ') : String(cause);
  try {
    for (const side of SIDE_FILES) if (existsSync(file + side)) renameSync(file + side, aside + side);
    renameSync(file, aside);
  } catch (e) {
    return storageError(
      'corrupt',
      file,
      `the file is damaged (${detail}) and could not be moved aside (${(e as NodeJS.ErrnoException).code}); move it away by hand`,
      { cause },
    );
  }
  return storageError('corrupt', file, `the file is damaged (${detail}); it was moved to ${aside}`, { cause, details: { movedTo: aside } });
}

/** Damaged data files moved aside by earlier starts, still waiting for a technician. */
export function setAsideFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.corrupt-\d{8}T\d{6}Z(-\d+)?$/.test(f))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}
