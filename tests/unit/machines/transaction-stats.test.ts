import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TransactionStats } from '../../../main/stats/transaction-stats.ts';
import { openDatabase } from '../../../main/storage/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'ob-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('transaction statistics', () => {
  it('counts by hour, kind and outcome in a real SQLite file, and survives a reopen', () => {
    const file = join(dir, 'kiosk.sqlite');
    let db = openDatabase(file);
    const stats = new TransactionStats(db);
    stats.count('2026-11-30T06', 'checkout', 'ok');
    stats.count('2026-11-30T06', 'checkout', 'ok');
    stats.count('2026-11-30T06', 'checkout', 'on-hold-for-other');
    stats.count('2026-11-30T07', 'checkin', 'ok');
    db.close();
    db = openDatabase(file);
    expect(new TransactionStats(db).between('2026-11-30T00', '2026-11-30T23')).toEqual([
      { hour: '2026-11-30T06', kind: 'checkout', outcome: 'ok', count: 2 },
      { hour: '2026-11-30T06', kind: 'checkout', outcome: 'on-hold-for-other', count: 1 },
      { hour: '2026-11-30T07', kind: 'checkin', outcome: 'ok', count: 1 },
    ]);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('stats_transactions')").all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['hour', 'kind', 'outcome', 'count']);
    db.close();
  });
});
