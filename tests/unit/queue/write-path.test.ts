import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { replay } from '../../../main/queue/replay.ts';
import { QueueStore } from '../../../main/queue/store.ts';
import { type Db, openDatabase } from '../../../main/storage/database.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from './central-double.ts';
import { tempDirs } from './temp-db.ts';

const temp = tempDirs();
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
  temp.cleanup();
});
const opened = (file: string, readonly = false) => {
  const d = openDatabase(file, readonly ? { readonly: true } : {});
  dbs.push(d);
  return d;
};

const CARD = '23000000000017';
const item = (n: number) => `39${String(n).padStart(12, '0')}`;
/** SQLite's query plan for a statement, as one line. */
const plan =
  (db: Db) =>
  (sql: string, ...args: unknown[]): string =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join('; ');

/**
 * Commits in a WAL file: frames whose header carries the database size after a commit
 * (sqlite.org/fileformat2.html#wal_file_format), with the salts of the current WAL.
 */
function walCommits(wal: string): number {
  const b = readFileSync(wal);
  const pageSize = b.readUInt32BE(8);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= b.length; at += 24 + pageSize) {
    const current = b.readUInt32BE(at + 8) === b.readUInt32BE(16) && b.readUInt32BE(at + 12) === b.readUInt32BE(20);
    if (!current) break;
    if (b.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}

describe('the queue write path', () => {
  it('replay writes one commit per transaction: its outcome together with the next attempt', async () => {
    const file = temp.file();
    const db = opened(file);
    db.pragma('wal_autocheckpoint = 0'); // every commit stays in the WAL file, where it is counted
    const store = new QueueStore(db);
    for (let n = 0; n < 5; n++)
      store.record({ kind: 'checkout', card: CARD, item: item(n), branch: 'VAS', at: n, attempts: 0, offline: true });
    const watcher = opened(file, true);
    const central = new CentralDouble();
    const seen: Array<{ attempts: number[]; states: string[] }> = [];
    const checkout = central.checkout.bind(central);
    central.checkout = async (req) => {
      const rows = watcher.prepare('SELECT attempts, state FROM queue_transactions ORDER BY seq').all() as Array<{
        attempts: number;
        state: string;
      }>;
      seen.push({ attempts: rows.map((r) => r.attempts), states: rows.map((r) => r.state) });
      return checkout(req);
    };
    const before = walCommits(`${file}-wal`);
    const summary = await replay(store, central, silentLogger, { minIntervalMs: 0, settleMs: 0, sleep: async () => {}, now: Date.now });
    expect(summary).toMatchObject({ sent: 5, done: 5, remaining: 0 });
    // Every request finds its own attempt on disk, and the one before it done.
    seen.forEach((s, i) => {
      expect(s.attempts[i]).toBe(1);
      if (i > 0) expect(s.states[i - 1]).toBe('done');
    });
    // The first attempt, then one commit per transaction: its outcome with the next one's attempt.
    expect(walCommits(`${file}-wal`) - before).toBe(1 + 5);
  });

  it('record() returns the row as written (RETURNING), and queries use only the partial indexes', () => {
    const db = opened(temp.file());
    const store = new QueueStore(db);
    const row = store.record({ kind: 'checkout', card: CARD, item: item(1), branch: 'VAS', at: 42, attempts: 1 });
    expect(row).toMatchObject({
      seq: 1,
      kind: 'checkout',
      card: CARD,
      item: item(1),
      createdAt: 42,
      state: 'pending',
      attempts: 1,
      offline: false,
    });
    expect(store.get(row.id)).toEqual(row);

    const indexes = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'queue_transactions' AND sql IS NOT NULL")
        .all() as Array<{ name: string }>
    )
      .map((r) => r.name)
      .sort();
    expect(indexes).toEqual(['queue_offline_loans', 'queue_waiting', 'queue_waiting_item']);
    const explain = plan(db);
    expect(
      explain(
        `SELECT seq FROM queue_transactions WHERE (state = 'unknown' OR (state = 'pending' AND offline = 1)) AND seq > ? ORDER BY seq LIMIT 1`,
        0,
      ),
    ).toContain('queue_waiting');
    expect(
      explain(`SELECT 1 FROM queue_transactions WHERE item = ? AND (state = 'unknown' OR (state = 'pending' AND offline = 1))`, item(1)),
    ).toContain('queue_waiting_item');
    expect(
      explain(`SELECT COUNT(*) FROM queue_transactions WHERE card = ? AND (kind = 'checkout' AND state = 'pending' AND offline = 1)`, CARD),
    ).toContain('queue_offline_loans');

    // A loan made online enters none of the partial indexes; one accepted offline enters those it needs.
    const entries = (name: string) =>
      (
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM queue_transactions INDEXED BY ${name} WHERE (state = 'unknown' OR (state = 'pending' AND offline = 1))`,
          )
          .get() as { n: number }
      ).n;
    store.finish(row.id, 'done', 'ok');
    expect(entries('queue_waiting')).toBe(0);
    store.record({ kind: 'checkout', card: CARD, item: item(2), branch: 'VAS', at: 43, attempts: 0, offline: true });
    expect(entries('queue_waiting')).toBe(1);
    expect(store.offlineLoans(CARD)).toBe(1);
    expect(store.waiting(item(2))).toBe(true);
    expect(store.waiting(item(1))).toBe(false);
  });
});
