import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryLog } from '../../../main/door/entry-log.ts';
import { PinCache } from '../../../main/queue/pin-cache.ts';
import { listTransactions, markHandled } from '../../../main/queue/report.ts';
import { QueueStore } from '../../../main/queue/store.ts';
import { CARD_SECRET_FILE, cardKeyer, loadCardSecret } from '../../../main/storage/card-key.ts';
import { type Db, openDatabase } from '../../../main/storage/database.ts';
import { tempDirs } from '../queue/temp-db.ts';

/**
 * Finding 8: card numbers sat in SQLite beside the PIN hashes (door log,
 * PIN cache, every queued transaction forever). Now: keyed hashes under a
 * per-install secret kept outside the database, and the queue keeps a
 * number only while replay or staff need it. Checked in the bytes on disk.
 */
const temp = tempDirs();
afterEach(() => temp.cleanup());

const ANNA = '23000000000017';
const ERIK = '23000000000025';
const DAY = 86_400_000;
const NOW = new Date('2026-11-29T12:00:00Z');

/** Everything SQLite has written for the file, after folding the WAL in as a closed kiosk leaves it. */
function bytesOnDisk(db: Db, file: string): string {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return [file, `${file}-wal`]
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

describe('card numbers at rest', () => {
  it('the door log keeps keyed hashes: staff find a card by entering it; the number is nowhere in the file', () => {
    const file = temp.file();
    const key = cardKeyer(loadCardSecret(dirname(file)));
    const log = new EntryLog(openDatabase(file), key);
    log.attempt(new Date(NOW.getTime() - DAY), ANNA, 'granted');
    log.attempt(new Date(NOW.getTime() - 2 * DAY), ANNA, 'denied', 'wrong-pin');
    log.attempt(new Date(NOW.getTime() - DAY), ERIK, 'denied', 'blocked');
    expect(log.entriesOf(ANNA, '2026-11-01', '2026-11-30').map((r) => r.outcome)).toEqual(['granted', 'denied']);
    expect(log.entriesOf(ERIK, '2026-11-01', '2026-11-30')).toEqual([
      { at: '2026-11-28T12:00:00.000Z', outcome: 'denied', reason: 'blocked' },
    ]);
    // Another install's secret finds nothing in a copy of this file.
    const stolen = new EntryLog(openDatabase(file), cardKeyer(randomBytes(32)));
    expect(stolen.entriesOf(ANNA, '2026-11-01', '2026-11-30')).toEqual([]);
    const disk = bytesOnDisk(openDatabase(file), file);
    expect(disk).not.toContain(ANNA);
    expect(disk).not.toContain(ERIK);
  });

  it('after identityDays a card finds nothing any more', () => {
    const log = new EntryLog(openDatabase(':memory:'), cardKeyer(randomBytes(32)));
    log.attempt(new Date(NOW.getTime() - 40 * DAY), ANNA, 'granted');
    expect(log.prune(NOW, { identityDays: 30, days: 365 })).toEqual({ identities: 1, entries: 0 });
    expect(log.entriesOf(ANNA, '2026-01-01', '2026-12-31')).toEqual([]);
    expect(log.report('2026-01-01', '2026-12-31', () => 0).granted).toBe(1);
  });

  it("an older door log's card numbers become keyed hashes on the first start of this version, and leave the file", () => {
    const file = temp.file();
    const db = openDatabase(file);
    // The door tables as the previous version left them (schema version 2: a card column and a salt).
    db.exec(`CREATE TABLE door_salt (salt BLOB NOT NULL);
      CREATE TABLE door_entries (id INTEGER PRIMARY KEY, at TEXT NOT NULL, card_hash TEXT, outcome TEXT NOT NULL, reason TEXT, card TEXT);
      CREATE INDEX door_entries_at ON door_entries (at);
      CREATE TABLE door_alarms (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL);
      INSERT INTO schema_versions VALUES ('door', 2);
      INSERT INTO door_salt VALUES (x'00112233445566778899aabbccddeeff');`);
    db.prepare('INSERT INTO door_entries (at, card_hash, outcome, card) VALUES (?, ?, ?, ?)').run(
      '2026-11-28T10:00:00.000Z',
      'old',
      'granted',
      ANNA,
    );
    db.prepare('INSERT INTO door_entries (at, card_hash, outcome, card) VALUES (?, ?, ?, NULL)').run(
      '2026-09-01T10:00:00.000Z',
      'old2',
      'granted',
    );
    const key = cardKeyer(randomBytes(32));
    const log = new EntryLog(db, key);
    expect(log.entriesOf(ANNA, '2026-11-01', '2026-11-30')).toHaveLength(1);
    expect(db.prepare('SELECT card_hash AS h FROM door_entries ORDER BY at').all()).toEqual([{ h: null }, { h: key(ANNA) }]);
    expect(db.prepare("SELECT name FROM pragma_table_info('door_entries') WHERE name = 'card'").all()).toEqual([]);
    expect(bytesOnDisk(db, file)).not.toContain(ANNA);
  });

  it('the PIN cache is kept under the keyed hash; an older cache is converted, and still answers', async () => {
    const file = temp.file();
    const db = openDatabase(file);
    new QueueStore(db);
    const key = cardKeyer(randomBytes(32));
    const now = () => NOW.getTime();
    await new PinCache(db, 30, key, now).remember(ANNA, '1234');
    const pins = new PinCache(db, 30, key, now);
    expect(await pins.check(ANNA, '1234')).toBe('valid');
    expect(await pins.check(ANNA, '9999')).toBe('invalid');
    expect(db.prepare('SELECT card_key AS k FROM queue_pins').all()).toEqual([{ k: key(ANNA) }]);
    expect(bytesOnDisk(db, file)).not.toContain(ANNA);
  });

  it('a PIN cache from before keyed hashes: its rows are re-keyed in place', async () => {
    const file = temp.file();
    const db = openDatabase(file);
    new QueueStore(db); // queue_pins keyed by card number, as the previous version wrote it
    const old = await (async () => {
      const scratch = openDatabase(':memory:');
      new QueueStore(scratch);
      const identity = (card: string) => card;
      // Write with the old layout: card number in the key column (the migration has not run on `db` yet).
      await new PinCache(scratch, 30, identity, () => NOW.getTime()).remember(ANNA, '1234');
      return scratch.prepare('SELECT salt, hash, seen_at AS seenAt FROM queue_pins').get() as {
        salt: Buffer;
        hash: Buffer;
        seenAt: number;
      };
    })();
    db.prepare('INSERT INTO queue_pins (card, salt, hash, seen_at) VALUES (?, ?, ?, ?)').run(ANNA, old.salt, old.hash, old.seenAt);
    const key = cardKeyer(randomBytes(32));
    expect(await new PinCache(db, 30, key, () => NOW.getTime()).check(ANNA, '1234')).toBe('valid');
    expect(bytesOnDisk(db, file)).not.toContain(ANNA);
  });

  it("the queue keeps the card while replay needs it, clears it when the row is done or cancelled, and keeps a conflict's until staff handle it", () => {
    const file = temp.file();
    const store = new QueueStore(openDatabase(file));
    const tx = { kind: 'checkout' as const, card: ANNA, branch: 'VAS', at: 1, attempts: 0 as const, offline: true };
    const waiting = store.record({ ...tx, item: 'A' });
    const done = store.record({ ...tx, item: 'B' });
    const cancelled = store.record({ ...tx, item: 'C' });
    const conflict = store.record({ ...tx, item: 'D', card: ERIK });
    store.finish(done, 'done', 'ok');
    store.finish(cancelled, 'cancelled', null);
    store.finish(conflict, 'conflict', 'refused', { reason: 'checked-out-to-other' });
    expect(store.get(waiting.id)?.card).toBe(ANNA);
    expect(store.get(done.id)?.card).toBeNull();
    expect(store.get(cancelled.id)?.card).toBeNull();
    expect(listTransactions(store.db, { state: 'conflict', revealCards: true })[0]?.card).toBe(ERIK);
    markHandled(store.db, conflict.id, 'anna', 2);
    expect(store.get(conflict.id)?.card).toBeNull();
    store.finish(waiting, 'done', 'ok');
    const disk = bytesOnDisk(store.db, file);
    expect(disk).not.toContain(ANNA);
    expect(disk).not.toContain(ERIK);
  });

  it('the card-key secret: 32 bytes, mode 0600, the same on every start', () => {
    const dir = dirname(temp.file());
    const first = loadCardSecret(dir);
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, CARD_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(loadCardSecret(dir))).toEqual(Buffer.from(first));
    expect(cardKeyer(first)(ANNA)).toBe(cardKeyer(loadCardSecret(dir))(ANNA));
  });
});
