import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../main/storage/database.ts';
import { isOpenBranchError } from '../../shared/errors.ts';

const dirs: string[] = [];
const tempFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'ob-db-'));
  dirs.push(d);
  return join(d, 'kiosk.sqlite');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('storage', () => {
  it('opens a real file in WAL with synchronous FULL', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('migrates forward step by step and keeps data', () => {
    const file = tempFile();
    let db = openDatabase(file);
    migrate(db, { subsystem: 't', steps: ['CREATE TABLE a (x INTEGER)'] });
    db.prepare('INSERT INTO a VALUES (1)').run();
    db.close();
    db = openDatabase(file);
    migrate(db, { subsystem: 't', steps: ['CREATE TABLE a (x INTEGER)', 'ALTER TABLE a ADD COLUMN y TEXT'] });
    expect(db.prepare('SELECT x, y FROM a').all()).toEqual([{ x: 1, y: null }]);
    db.close();
  });

  it('runs the steps without waiting for the disk, then gives the file back at FULL (also when a step fails)', () => {
    const db = openDatabase(tempFile());
    let during: unknown;
    migrate(db, {
      subsystem: 't',
      steps: [
        (d) => {
          during = d.pragma('synchronous', { simple: true });
          d.exec('CREATE TABLE a (x INTEGER)');
        },
      ],
    });
    expect(during).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(() => migrate(db, { subsystem: 'u', steps: ['CREATE TABLE broken ('] })).toThrow();
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    // The failed step changed nothing: its subsystem is still at version 0.
    expect(db.prepare("SELECT version FROM schema_versions WHERE subsystem = 'u'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database written by a newer version instead of touching it', () => {
    const file = tempFile();
    let db = openDatabase(file);
    migrate(db, { subsystem: 't', steps: ['CREATE TABLE a (x)', 'CREATE TABLE b (x)'] });
    db.close();
    db = openDatabase(file);
    let error: unknown;
    try {
      migrate(db, { subsystem: 't', steps: ['CREATE TABLE a (x)'] });
    } catch (e) {
      error = e;
    }
    expect(isOpenBranchError(error, 'queue.schema-newer')).toBe(true);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 1 });
    db.close();
  });
});
