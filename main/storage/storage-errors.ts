import { OpenBranchError } from '../../shared/errors.ts';

/**
 * What can be wrong with a data file at start, each with what the
 * technician does about it. The exit code follows sysexits.h and tells
 * systemd whether starting again can help: 75 (EX_TEMPFAIL) when the next
 * start may well succeed (a damaged file was moved aside, another process
 * may let go of the file or the port), 74 (EX_IOERR) when the operating
 * system refused the read or write, 78 (EX_CONFIG) only for what a restart
 * cannot fix (a broken config, a file from a newer OpenBranch): the units
 * do not restart on 78 (RestartPreventExitStatus).
 */
export type StorageProblem = 'corrupt' | 'locked' | 'unreadable' | 'read-only' | 'full' | 'io';

export const EX_IOERR = 74;
export const EX_TEMPFAIL = 75;
export const EX_CONFIG = 78;

const EXIT: Readonly<Record<StorageProblem, number>> = {
  corrupt: EX_TEMPFAIL,
  locked: EX_TEMPFAIL,
  unreadable: EX_IOERR,
  'read-only': EX_IOERR,
  full: EX_IOERR,
  io: EX_IOERR,
};

/** The start's exit code for an error, or undefined when it is not about a data file or the config. */
export function startupExitCode(e: unknown): number | undefined {
  if (!(e instanceof OpenBranchError)) return undefined;
  if (e.subsystem === 'storage') return EXIT[e.code.slice('storage.'.length) as StorageProblem] ?? EX_IOERR;
  // A port another program holds may be free at the next start (a port the kiosk may never use is a config error).
  if (e.code === 'config.port' && e.details.errno === 'EADDRINUSE') return EX_TEMPFAIL;
  // A database written by a newer OpenBranch is the installed version's problem, not the disk's.
  if (e.code === 'queue.schema-newer' || e.subsystem === 'config') return EX_CONFIG;
  return undefined;
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

function advice(problem: StorageProblem, path: string): string {
  switch (problem) {
    case 'corrupt':
      return 'start OpenBranch again (systemd does) to begin with a new, empty file; keep the moved file: the transactions it still holds can be recovered from it';
    case 'locked':
      return `another process holds it: stop the other OpenBranch (or tool) using this data folder; \`fuser -v ${quote(path)}\` shows which`;
    case 'unreadable':
      return `give the kiosk user read and write access: \`chown -R <kiosk user> ${quote(path)}\` and \`chmod u+rw\``;
    case 'read-only':
      return 'the file system is read-only: point `dataDir` in the config at a writable folder, or remount it read-write';
    case 'full':
      return 'the disk is full: free space on it (old logs, downloads), then start OpenBranch again';
    case 'io':
      return 'the disk reported an error: check it (`dmesg`, `smartctl -a`) and restore the file from a backup if it is damaged';
  }
}

export function storageError(
  problem: StorageProblem,
  path: string,
  what: string,
  options: { readonly cause?: unknown; readonly details?: Record<string, unknown> } = {},
): OpenBranchError {
  return new OpenBranchError(
    `storage.${problem}`,
    `${path}: ${what}; ${advice(problem, path)}`,
    { path, problem, ...options.details },
    options.cause === undefined ? undefined : { cause: options.cause },
  );
}

const ERRNO: Readonly<Record<string, StorageProblem>> = {
  EACCES: 'unreadable',
  EPERM: 'unreadable',
  EROFS: 'read-only',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EBUSY: 'locked',
};

/** A failed file-system call (mkdir, access, open) as a storage problem. */
export function fromErrno(e: unknown, path: string, doing: string): OpenBranchError {
  const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
  return storageError(ERRNO[code] ?? 'io', path, `cannot ${doing} (${code})`, { cause: e });
}

/** SQLite's primary result codes (SQLITE_BUSY_SNAPSHOT is a BUSY) as a storage problem. */
function sqliteProblem(code: string): StorageProblem | undefined {
  const primary = code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  switch (primary) {
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'corrupt';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'locked';
    case 'SQLITE_READONLY':
      return 'read-only';
    case 'SQLITE_FULL':
      return 'full';
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return 'unreadable';
    case 'SQLITE_IOERR':
      return 'io';
    default:
      return undefined;
  }
}

/** An error SQLite threw while opening or checking a file, typed; anything else is returned untouched. */
export function fromSqlite(e: unknown, path: string): unknown {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  const problem = sqliteProblem(code);
  if (problem === undefined) return e;
  const message = e instanceof Error ? e.message : String(e);
  return storageError(problem, path, `${message} (${code})`, { cause: e });
}

export function isCorrupt(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && sqliteProblem(code) === 'corrupt';
}
