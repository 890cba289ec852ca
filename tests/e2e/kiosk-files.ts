import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { KioskProcess } from './kiosk-process.ts';

/** Reads the running kiosk's SQLite file (read-only; WAL lets it read while the kiosk writes). */
export function queryKioskDb<T>(kiosk: KioskProcess, sql: string, ...params: unknown[]): T[] {
  return queryDataFile(join(kiosk.home, 'data'), sql, ...params);
}

/** The same for a kiosk started with `dataDir:` in its config. */
export function queryDataFile<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, 'openbranch.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Every JSON line of the kiosk's log files, parsed. */
export function kioskLogLines(kiosk: KioskProcess): Array<Record<string, unknown>> {
  const dir = join(kiosk.home, 'logs');
  return readdirSync(dir)
    .filter((name) => name.startsWith('openbranch'))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
