import { afterEach, describe, expect, it } from 'vitest';
import { markHandled } from '../../../main/queue/report.ts';
import { QUEUE_MIGRATIONS } from '../../../main/queue/schema.ts';
import { QueueStore } from '../../../main/queue/store.ts';
import { migrate, openDatabase } from '../../../main/storage/database.ts';
import { tempDirs } from './temp-db.ts';

const temp = tempDirs();
afterEach(() => temp.cleanup());

const tx = { kind: 'checkout' as const, card: '23000000000017', item: '39000000000011', branch: 'VAS', at: 1_700_000_000_000 };

describe('queue store (write-ahead record)', () => {
  it('a recorded transaction is on disk before record() returns (a second connection sees it)', () => {
    const file = temp.file();
    const store = new QueueStore(openDatabase(file));
    const row = store.record({ ...tx, attempts: 1 });
    const other = new QueueStore(openDatabase(file));
    expect(other.get(row.id)).toMatchObject({ state: 'pending', kind: 'checkout', card: tx.card, item: tx.item, attempts: 1 });
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    store.db.close();
    other.db.close();
  });

  it('after a crash, in-flight rows become unknown (maybe sent) or cancelled (never sent); offline ones stay pending', () => {
    const file = temp.file();
    const store = new QueueStore(openDatabase(file));
    const sent = store.record({ ...tx, attempts: 1 });
    const notSent = store.record({ ...tx, item: 'B', attempts: 0 });
    const offline = store.record({ ...tx, item: 'C', attempts: 0, offline: true });
    const finished = store.record({ ...tx, item: 'D', attempts: 1 });
    store.finish(finished, 'done', 'ok');
    // No close(): the process "dies" with the file open.
    const reopened = new QueueStore(openDatabase(file));
    expect(reopened.recover()).toEqual({ unknown: 1, cancelled: 1 });
    expect(reopened.get(sent.id)?.state).toBe('unknown');
    expect(reopened.get(notSent.id)).toMatchObject({ state: 'cancelled', reason: 'interrupted' });
    expect(reopened.get(offline.id)?.state).toBe('pending');
    expect(reopened.get(finished.id)).toMatchObject({ state: 'done', outcome: 'ok' });
    store.db.close();
    reopened.db.close();
  });

  it('replay order is the original order, unknown and offline rows alike', () => {
    const store = new QueueStore(openDatabase(temp.file()));
    const a = store.record({ ...tx, item: 'A', attempts: 0, offline: true });
    const b = store.record({ ...tx, item: 'B', attempts: 1 });
    store.markUnknown(b);
    store.record({ ...tx, item: 'C', attempts: 0, offline: true });
    expect(store.nextToReplay()?.id).toBe(a.id);
    store.finish(a, 'done', 'ok');
    expect(store.nextToReplay()?.id).toBe(b.id);
    expect(store.backlog()).toBe(2);
    store.db.close();
  });

  it('counts a patron’s unregistered offline loans only', () => {
    const store = new QueueStore(openDatabase(temp.file()));
    store.record({ ...tx, attempts: 0, offline: true });
    store.record({ ...tx, item: 'X', attempts: 0, offline: true });
    const done = store.record({ ...tx, item: 'Y', attempts: 0, offline: true });
    store.finish(done, 'done', 'ok');
    store.record({ ...tx, card: 'other', attempts: 0, offline: true });
    expect(store.offlineLoans(tx.card)).toBe(2);
    store.db.close();
  });

  it('a file from before the one-page write path (AUTOINCREMENT, an index over every id) keeps every row and its order', () => {
    const file = temp.file();
    const old = openDatabase(file);
    migrate(old, { ...QUEUE_MIGRATIONS, steps: QUEUE_MIGRATIONS.steps.slice(0, 4) });
    const insert = old.prepare(
      `INSERT INTO queue_transactions (id, kind, card, item, branch, created_at, state, offline, attempts, reason, updated_at)
       VALUES (?, 'checkout', ?, ?, 'VAS', 1, ?, 1, 1, ?, 2)`,
    );
    insert.run('a-done', null, 'I1', 'done', null);
    insert.run('b-conflict', tx.card, 'I2', 'conflict', 'checked-out-to-other');
    insert.run('c-waiting', tx.card, 'I3', 'pending', null);
    old.close();

    const store = new QueueStore(openDatabase(file));
    expect(store.get('b-conflict')).toMatchObject({ seq: 2, state: 'conflict', card: tx.card, reason: 'checked-out-to-other' });
    expect(store.nextToReplay()?.id).toBe('c-waiting');
    expect(store.record({ ...tx, attempts: 1 }).seq).toBe(4);
    markHandled(store.db, 'b-conflict', 'staff');
    expect(store.get('b-conflict')).toMatchObject({ handledBy: 'staff', card: null });
    expect(() => markHandled(store.db, 'a-done', 'staff')).toThrow(/is done, not a conflict/);
    expect(() => markHandled(store.db, 'nope', 'staff')).toThrow(/no queued transaction/);
    const sql = (store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'queue_transactions'").get() as { sql: string }).sql;
    expect(sql).not.toMatch(/AUTOINCREMENT|UNIQUE/);
    store.db.close();
  });
});
