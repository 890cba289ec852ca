import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EntryLog } from '../../../main/door/entry-log.ts';
import { RequestRouter } from '../../../main/hub/request-router.ts';
import { reportHandlers } from '../../../main/hub/requests/report-handlers.ts';
import { localHourKey } from '../../../main/stats/local-hours.ts';
import { TransactionStats } from '../../../main/stats/transaction-stats.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { requestMethods } from '../../../shared/contract/requests.ts';
import { silentLogger } from '../../../shared/logger.ts';

const dir = mkdtempSync(join(tmpdir(), 'ob-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The morning report through the request router, on a real SQLite file written the way the kiosk writes it. */
let files = 0;
function kiosk(timeZone: string, now: string) {
  const db = openDatabase(join(dir, `kiosk-${++files}.sqlite`));
  const entryLog = new EntryLog(db);
  const stats = new TransactionStats(db);
  const count = (at: string, kind: 'checkout' | 'checkin' | 'renew', outcome = 'ok') =>
    stats.count(localHourKey(new Date(at), timeZone), kind, outcome);
  const router = new RequestRouter(
    reportHandlers({ entryLog, transactions: stats, timeZone, identityDays: 30, now: () => new Date(now) }),
    async () => true,
    silentLogger,
  );
  const ask = async <M extends 'report.hours' | 'report.entries'>(method: M, params: unknown) => {
    const reply = await router.handle(method, params, { technician: true });
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return requestMethods[method].result.parse(reply.value) as ReturnType<(typeof requestMethods)[M]['result']['parse']>;
  };
  return { db, entryLog, count, router, ask };
}

describe('morning report per local hour (report.hours)', () => {
  it('puts door attempts and transactions in the branch’s local hours, not UTC ones', async () => {
    const k = kiosk('Europe/Stockholm', '2026-11-30T08:20:00Z');
    // 05:59 and 06:01 local (UTC+1 in winter) fall in different hours.
    k.entryLog.attempt(new Date('2026-11-30T04:59:00Z'), '23000000000017', 'denied', 'outside-hours');
    k.entryLog.attempt(new Date('2026-11-30T05:01:00Z'), '23000000000017', 'granted');
    k.entryLog.attempt(new Date('2026-11-30T05:40:00Z'), '23000000000082', 'granted');
    k.entryLog.attempt(new Date('2026-11-30T05:45:00Z'), '23000000000025', 'denied', 'blocked');
    k.entryLog.alarm(new Date('2026-11-30T02:10:00Z'), 'forced');
    k.count('2026-11-30T05:20:00Z', 'checkout');
    k.count('2026-11-30T05:21:00Z', 'checkout');
    k.count('2026-11-30T05:22:00Z', 'checkout', 'on-hold-for-other');
    k.count('2026-11-30T06:05:00Z', 'checkin');
    k.count('2026-11-30T06:06:00Z', 'renew');
    k.count('2026-11-29T22:30:00Z', 'checkout'); // 23:30 the day before

    const day = await k.ask('report.hours', { period: 'day', date: '2026-11-30' });
    expect(day.start).toBe('2026-11-29T23:00:00.000Z');
    expect(day.end).toBe('2026-11-30T23:00:00.000Z');
    expect(day.hours.map((h) => h.hour)).toEqual([...Array(24).keys()]);
    const at = (hour: number) => day.hours.find((h) => h.hour === hour)!;
    expect(at(5)).toMatchObject({ entries: 0, denials: 1 });
    expect(at(6)).toMatchObject({ entries: 2, denials: 1, checkouts: 2, refused: 1, returns: 0 });
    expect(at(7)).toMatchObject({ returns: 1, renewals: 1 });
    expect(day.totals).toEqual({ entries: 2, denials: 2, checkouts: 2, returns: 1, renewals: 1, refused: 1 });
    expect(day.denialsByReason).toEqual([
      { reason: 'outside-hours', count: 1 },
      { reason: 'blocked', count: 1 },
    ]);
    expect(day.alarms).toEqual([{ at: '2026-11-30T02:10:00.000Z', kind: 'forced' }]);

    // The day before holds only its own 23:30 loan.
    const before = await k.ask('report.hours', { period: 'day', date: '2026-11-29' });
    expect(before.totals).toEqual({ entries: 0, denials: 0, checkouts: 1, returns: 0, renewals: 0, refused: 0 });
    expect(before.hours.find((h) => h.hour === 23)?.checkouts).toBe(1);
  });

  it('the last 24 hours end with the current local hour, in order across midnight', async () => {
    const k = kiosk('Europe/Stockholm', '2026-11-30T08:20:00Z'); // 09:20 local
    k.count('2026-11-29T22:30:00Z', 'checkout'); // 23:30 yesterday
    k.count('2026-11-29T08:59:00Z', 'checkout'); // 09:59 yesterday: just outside
    const r = await k.ask('report.hours', { period: 'last-24h' });
    expect(r.start).toBe('2026-11-29T09:00:00.000Z');
    expect(r.end).toBe('2026-11-30T09:00:00.000Z');
    expect(r.hours.map((h) => h.hour)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.totals.checkouts).toBe(1);
    expect(r.hours[13]).toMatchObject({ hour: 23, checkouts: 1 });
  });

  it('follows half-hour time zones: hours start at :30 UTC in India', async () => {
    const k = kiosk('Asia/Kolkata', '2026-11-30T08:20:00Z'); // 13:50 local
    k.entryLog.attempt(new Date('2026-11-30T08:00:00Z'), '23000000000017', 'granted'); // 13:30 local
    const r = await k.ask('report.hours', { period: 'last-24h' });
    expect(r.end).toBe('2026-11-30T08:30:00.000Z');
    expect(r.hours.at(-1)).toMatchObject({ hour: 13, entries: 1, start: '2026-11-30T07:30:00.000Z' });
  });

  it('a DST day has 23 or 25 hours; the repeated hour’s transactions are counted once', async () => {
    const k = kiosk('Europe/Stockholm', '2026-11-30T08:20:00Z');
    const spring = await k.ask('report.hours', { period: 'day', date: '2026-03-29' });
    expect(spring.hours.map((h) => h.hour)).toEqual([0, 1, ...[...Array(21).keys()].map((h) => h + 3)]);
    // 25 October 2026: 02:00-03:00 local happens twice (first in summer time, then in winter time).
    k.entryLog.attempt(new Date('2026-10-25T00:30:00Z'), '23000000000017', 'granted'); // 02:30 CEST
    k.entryLog.attempt(new Date('2026-10-25T01:30:00Z'), '23000000000017', 'granted'); // 02:30 CET
    k.count('2026-10-25T00:30:00Z', 'checkout');
    const autumn = await k.ask('report.hours', { period: 'day', date: '2026-10-25' });
    expect(autumn.hours.map((h) => h.hour)).toEqual([0, 1, 2, 2, ...[...Array(21).keys()].map((h) => h + 3)]);
    expect(autumn.hours.slice(2, 4).map((h) => h.entries)).toEqual([1, 1]);
    expect(autumn.hours.slice(2, 4).map((h) => h.checkouts)).toEqual([1, 0]);
    expect(autumn.totals.checkouts).toBe(1);
  });

  it('validates the period before touching the database', async () => {
    const k = kiosk('Europe/Stockholm', '2026-11-30T08:20:00Z');
    for (const params of [
      {},
      { period: 'day' },
      { period: 'day', date: '30/11/2026' },
      { period: 'week' },
      { period: 'last-24h', date: '2026-11-30' },
    ])
      expect(await k.router.handle('report.hours', params, { technician: true })).toMatchObject({
        ok: false,
        error: { code: 'bridge.params' },
      });
    expect(await k.router.handle('report.hours', { period: 'last-24h' }, { technician: false })).toMatchObject({
      ok: false,
      error: { code: 'bridge.forbidden' },
    });
  });
});

describe('door attempts for the period (report.entries)', () => {
  it('lists the period’s attempts newest first; with a card, only that card’s, found by its keyed hash', async () => {
    const k = kiosk('Europe/Stockholm', '2026-11-30T08:20:00Z');
    k.entryLog.attempt(new Date('2026-11-30T05:01:00Z'), '23000000000017', 'granted');
    k.entryLog.attempt(new Date('2026-11-30T05:45:00Z'), '23000000000025', 'denied', 'blocked');
    k.entryLog.attempt(new Date('2026-11-30T06:10:00Z'), '23000000000017', 'denied', 'wrong-pin');
    k.entryLog.attempt(new Date('2026-11-28T05:45:00Z'), '23000000000017', 'denied', 'fines');
    const all = await k.ask('report.entries', { period: 'day', date: '2026-11-30' });
    expect(all).toEqual({
      identityDays: 30,
      attempts: [
        { at: '2026-11-30T06:10:00.000Z', outcome: 'denied', reason: 'wrong-pin' },
        { at: '2026-11-30T05:45:00.000Z', outcome: 'denied', reason: 'blocked' },
        { at: '2026-11-30T05:01:00.000Z', outcome: 'granted', reason: null },
      ],
    });
    const anna = await k.ask('report.entries', { period: 'day', date: '2026-11-30', card: ' 23000000000017 ' });
    expect(anna.attempts.map((a) => a.at)).toEqual(['2026-11-30T06:10:00.000Z', '2026-11-30T05:01:00.000Z']);
    expect(JSON.stringify(anna)).not.toContain('23000000000017');
    // The file holds no card number, only keyed hashes.
    const stored = k.db.prepare('SELECT * FROM door_entries').all();
    expect(JSON.stringify(stored)).not.toContain('23000000000017');
  });
});
