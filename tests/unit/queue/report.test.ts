import { afterEach, describe, expect, it } from 'vitest';
import { conflictsCsv, listTransactions, markHandled, pruneDone, queueStatus } from '../../../main/queue/report.ts';
import { QueueStore } from '../../../main/queue/store.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { tempDirs } from './temp-db.ts';

const temp = tempDirs();
afterEach(() => temp.cleanup());

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 20, 30);

function filled() {
  let now = T0;
  const store = new QueueStore(openDatabase(temp.file()), () => now);
  const tx = { card: '23000000000017', branch: 'VAS', attempts: 0 as const };
  const old = store.record({ ...tx, kind: 'checkout', item: 'A', at: T0 });
  store.finish(old, 'done', 'ok');
  const conflict = store.record({ ...tx, kind: 'checkout', item: 'B, "the" one', at: T0 + 1000, offline: true });
  store.finish(conflict, 'conflict', null, { reason: 'checked-out-to-other', message: '=HYPERLINK("x")' });
  now = T0 + 100 * DAY;
  const waiting = store.record({ ...tx, kind: 'checkin', item: 'C', at: T0 + 2000, offline: true });
  const recent = store.record({ ...tx, kind: 'checkout', item: 'D', at: now });
  store.finish(recent, 'done', 'ok');
  return { store, old, conflict, waiting, now };
}

describe('queue report', () => {
  it('counts by state, the backlog and the oldest waiting transaction', () => {
    const { store } = filled();
    expect(queueStatus(store.db)).toEqual({
      counts: { pending: 1, unknown: 0, done: 2, conflict: 1, cancelled: 0 },
      backlog: 1,
      openConflicts: 1,
      oldestPending: new Date(T0 + 2000).toISOString(),
    });
  });

  it('lists by state, newest first, with card numbers shortened unless asked (finished rows keep none)', () => {
    const { store } = filled();
    expect(listTransactions(store.db, { state: 'done' }).map((r) => [r.item, r.card])).toEqual([
      ['D', null],
      ['A', null],
    ]);
    expect(listTransactions(store.db, { state: 'pending' }).map((r) => [r.item, r.card])).toEqual([['C', '…0017']]);
    expect(listTransactions(store.db, { state: 'pending', revealCards: true })[0]?.card).toBe('23000000000017');
    expect(() => listTransactions(store.db, { state: 'bogus' as never })).toThrow(/unknown state/);
  });

  it('exports conflicts as CSV a spreadsheet opens safely (quotes, no formulas)', () => {
    const { store, conflict } = filled();
    expect(conflictsCsv(store.db)).toBe(
      'id,time,kind,card,item,branch,reason,serverMessage,handled\r\n' +
        `${conflict.id},${new Date(T0 + 1000).toISOString()},checkout,23000000000017,"B, ""the"" one",VAS,checked-out-to-other,"'=HYPERLINK(""x"")",\r\n`,
    );
  });

  it('staff mark a conflict handled; it stays on record; only conflicts can be handled', () => {
    const { store, conflict, waiting } = filled();
    markHandled(store.db, conflict.id, 'anna', T0 + 5 * DAY);
    expect(queueStatus(store.db).openConflicts).toBe(0);
    expect(listTransactions(store.db, { state: 'conflict' })[0]?.handled).toBe(new Date(T0 + 5 * DAY).toISOString());
    expect(() => markHandled(store.db, waiting.id, 'anna')).toThrow(expect.objectContaining({ code: 'queue.not-conflict' }));
    expect(() => markHandled(store.db, 'nope', 'anna')).toThrow(expect.objectContaining({ code: 'queue.not-found' }));
  });

  it('retention prunes old done transactions only', () => {
    const { store, now, old, conflict, waiting } = filled();
    expect(pruneDone(store.db, 90, now)).toBe(1);
    expect(store.get(old.id)).toBeUndefined();
    expect(store.get(conflict.id)?.state).toBe('conflict');
    expect(store.get(waiting.id)?.state).toBe('pending');
    expect(queueStatus(store.db).counts.done).toBe(1);
  });
});
