import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { batchSize, replay } from '../../../main/queue/replay.ts';
import { QueueStore } from '../../../main/queue/store.ts';
import { type Db, openDatabase } from '../../../main/storage/database.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { centralWithBooks, item } from './fixtures.ts';
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
  it('replay group-commits: a batch counted in one commit before its first send, its outcomes written with the next batch', async () => {
    const file = temp.file();
    const db = opened(file);
    db.pragma('wal_autocheckpoint = 0'); // every commit stays in the WAL file, where it is counted
    const store = new QueueStore(db);
    // Five items, then a return of the first again: a batch never holds one item twice.
    for (let n = 0; n < 5; n++)
      store.record({ kind: 'checkout', card: CARD, item: item(n), branch: 'VAS', at: n, attempts: 0, offline: true });
    store.record({ kind: 'checkin', item: item(0), branch: 'VAS', at: 5, attempts: 0, offline: true });
    const watcher = opened(file, true);
    const seen: Array<{ attempts: number[]; states: string[] }> = [];
    const look = () => {
      const rows = watcher.prepare('SELECT attempts, state FROM queue_transactions ORDER BY seq').all() as Array<{
        attempts: number;
        state: string;
      }>;
      seen.push({ attempts: rows.map((r) => r.attempts), states: rows.map((r) => r.state) });
    };
    const central = centralWithBooks()
      .script('checkout', (_, next) => {
        look();
        return next();
      })
      .script('checkin', (_, next) => {
        look();
        return next();
      });
    const before = walCommits(`${file}-wal`);
    const summary = await replay(store, central, silentLogger, { minIntervalMs: 0, settleMs: 0, sleep: async () => {}, now: Date.now });
    expect(summary).toMatchObject({ sent: 6, done: 6, remaining: 0 });
    // Every request finds its own attempt on disk before it is sent.
    expect(seen.map((s, i) => s.attempts[i])).toEqual([1, 1, 1, 1, 1, 1]);
    // The first five went as one batch: all counted before the first send, none finished yet.
    expect(seen[0]).toEqual({ attempts: [1, 1, 1, 1, 1, 0], states: ['pending', 'pending', 'pending', 'pending', 'pending', 'pending'] });
    // The second transaction for item 0 waits for the first batch's outcomes.
    expect(seen[5]!.states.slice(0, 5)).toEqual(['done', 'done', 'done', 'done', 'done']);
    // Three commits for six transactions: count batch 1; its outcomes + count batch 2; batch 2's outcome.
    expect(walCommits(`${file}-wal`) - before).toBe(3);
    expect(central.loanOf(item(0))).toBeUndefined();
    expect(central.loanOf(item(4))).toBe(CARD);
  });

  it('a failure inside a batch: answered ones written done, the failed one maybe sent from the failure, the rest uncounted', async () => {
    const db = opened(temp.file());
    let now = 1_000;
    const store = new QueueStore(db, () => now);
    for (let n = 0; n < 5; n++)
      store.record({ kind: 'checkout', card: CARD, item: item(n), branch: 'VAS', at: n, attempts: 0, offline: true });
    let failures = 1;
    const central = centralWithBooks().script('checkout', ([req], next) => {
      now += 100;
      if (req.itemId === item(2) && failures-- > 0) throw new OpenBranchError('sip2.disconnected', 'gone');
      return next();
    });
    const summary = await replay(store, central, silentLogger, { minIntervalMs: 0, settleMs: 500, sleep: async () => {}, now: () => now });
    expect(summary).toMatchObject({ sent: 3, done: 2, remaining: 3, stoppedBy: 'sip2.disconnected' });
    const rows = db.prepare('SELECT state, attempts, updated_at AS updatedAt FROM queue_transactions ORDER BY seq').all();
    expect(rows).toEqual([
      { state: 'done', attempts: 1, updatedAt: 1_300 },
      { state: 'done', attempts: 1, updatedAt: 1_300 },
      // Settled only 500 ms after the failure (it may still be applied late), not after the batch began.
      { state: 'pending', attempts: 1, updatedAt: 1_300 },
      { state: 'pending', attempts: 0, updatedAt: 1_300 },
      { state: 'pending', attempts: 0, updatedAt: 1_300 },
    ]);
    // The next round checks the maybe-sent one first, then sends the rest as fresh.
    now += 500;
    const again = await replay(store, central, silentLogger, { minIntervalMs: 0, settleMs: 500, sleep: async () => {}, now: () => now });
    expect(again).toMatchObject({ done: 3, remaining: 0 });
    expect(central.applied.map((a) => a.item)).toEqual([0, 1, 2, 3, 4].map(item));
  });

  it('a kiosk that dies inside a batch: after restart the sent ones are checked, not resent; every loan reaches the server once', async () => {
    const file = temp.file();
    const store = new QueueStore(opened(file));
    for (let n = 0; n < 5; n++)
      store.record({ kind: 'checkout', card: CARD, item: item(n), branch: 'VAS', at: n, attempts: 0, offline: true });
    let dead = false;
    let afterRestart = false;
    let died: () => void = () => {};
    const dying = new Promise<void>((resolve) => {
      died = resolve;
    });
    const central = centralWithBooks().script('checkout', ([req], next) => {
      // The third loan's request never leaves: the process is gone (nothing after this line runs in it).
      if (!afterRestart && (dead || req.itemId === item(2))) {
        dead = true;
        died();
        return new Promise(() => {});
      }
      return next();
    });
    void replay(store, central, silentLogger, { minIntervalMs: 0, settleMs: 0, sleep: async () => {}, now: Date.now });
    await dying;
    expect(central.applied.map((a) => a.item)).toEqual([item(0), item(1)]);

    // The next start: a new connection to the same file, the server as the dead kiosk left it.
    afterRestart = true;
    const restarted = new QueueStore(opened(file));
    restarted.recover();
    const summary = await replay(restarted, central, silentLogger, { minIntervalMs: 0, settleMs: 0, sleep: async () => {}, now: Date.now });
    expect(summary).toMatchObject({ done: 5, remaining: 0 });
    expect(central.applied.map((a) => a.item)).toEqual([0, 1, 2, 3, 4].map(item));
    const outcomes = restarted.db.prepare('SELECT outcome FROM queue_transactions ORDER BY seq').all();
    // The two answered before the crash were found done at the server ('checked'), the rest sent now.
    expect(outcomes.map((o) => (o as { outcome: string }).outcome)).toEqual(['checked', 'checked', 'ok', 'ok', 'ok']);
  });

  it('a batch holds about a second of requests at the bounded rate, at most 256', () => {
    expect(batchSize(200)).toBe(5); // the default 5 a second
    expect(batchSize(500)).toBe(2);
    expect(batchSize(2000)).toBe(1);
    expect(batchSize(1)).toBe(256);
    expect(batchSize(0)).toBe(256);
  });

  it('record() returns the row as written (nothing read back), and queries use only the partial indexes', () => {
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
    expect(indexes).toEqual(['queue_conflicts', 'queue_offline_loans', 'queue_waiting', 'queue_waiting_item']);
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
    store.finish(row, 'done', 'ok');
    expect(entries('queue_waiting')).toBe(0);
    store.record({ kind: 'checkout', card: CARD, item: item(2), branch: 'VAS', at: 43, attempts: 0, offline: true });
    expect(entries('queue_waiting')).toBe(1);
    expect(store.offlineLoans(CARD)).toBe(1);
    expect(store.waiting(item(2))).toBe(true);
    expect(store.waiting(item(1))).toBe(false);
  });

  it("a loan's write-ahead row and its outcome each write one page to the WAL, as a bare insert does", () => {
    const file = temp.file();
    const db = opened(file);
    db.pragma('wal_autocheckpoint = 0');
    const store = new QueueStore(db);
    const bare = opened(temp.file());
    bare.pragma('wal_autocheckpoint = 0');
    bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = bare.prepare('INSERT INTO t (body) VALUES (?)');
    const frames = (f: string) => (readFileSync(`${f}-wal`).length - 32) / (24 + 4096);
    const walOf = (d: Db) => d.name;
    const before = { store: frames(file), bare: frames(walOf(bare)) };
    const loans = 200;
    for (let n = 0; n < loans; n++) {
      const row = store.record({ kind: 'checkout', card: CARD, item: item(n), branch: 'VAS', at: n, attempts: 1 });
      store.finish(row, 'done', 'ok', { dueDate: '2026-12-24' });
      insert.run(JSON.stringify(row));
      insert.run(JSON.stringify(row));
    }
    // Two commits a loan; a page more now and then when a leaf fills up and splits, on both sides.
    const perCommit = (frames(file) - before.store) / (2 * loans);
    const barePerCommit = (frames(walOf(bare)) - before.bare) / (2 * loans);
    console.log(`WAL frames per commit: queue ${perCommit.toFixed(2)}, bare insert ${barePerCommit.toFixed(2)}`);
    expect(perCommit).toBeLessThan(1.2);
    expect(perCommit).toBeLessThanOrEqual(barePerCommit * 1.1);
  });
});
