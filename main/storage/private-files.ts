import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { fromErrno } from './storage-errors.ts';

/**
 * Patron data at rest is for the kiosk user only: its folders 0700, its
 * files 0600. A folder or file this user owns is tightened if an older
 * version left it open; one owned by someone else is left as the admin
 * set it. Windows has no mode bits (the installer sets ACLs).
 */
const POSIX = process.platform !== 'win32';

const ownedByUs = (mode: { uid: number }) => process.getuid === undefined || mode.uid === process.getuid();

export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!POSIX) return;
    const s = statSync(dir);
    if ((s.mode & 0o077) !== 0 && ownedByUs(s)) chmodSync(dir, 0o700);
  } catch (e) {
    throw fromErrno(e, dir, 'create the folder');
  }
}

/** Makes an existing file 0600 when it is ours and open to others (files written before this version). */
export function tightenFile(file: string): void {
  if (!POSIX) return;
  const s = statSync(file);
  if ((s.mode & 0o077) !== 0 && ownedByUs(s)) chmodSync(file, 0o600);
}

/** Creates an empty file 0600 (an empty file is a valid SQLite database; SQLite gives its WAL the same mode), or tightens one that exists. */
export function ensurePrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fromErrno(e, file, 'create it');
    try {
      tightenFile(file);
    } catch (t) {
      throw fromErrno(t, file, 'set its permissions');
    }
  }
}
