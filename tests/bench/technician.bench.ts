import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntryLog } from '../../main/door/entry-log.ts';
import { RequestRouter } from '../../main/hub/request-router.ts';
import { logHandlers, readTail } from '../../main/hub/requests/log-handlers.ts';
import { reportHandlers } from '../../main/hub/requests/report-handlers.ts';
import { localHourKey } from '../../main/stats/local-hours.ts';
import { TransactionStats } from '../../main/stats/transaction-stats.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { silentLogger } from '../../shared/logger.ts';
import { nowMs, summary } from './stats.ts';

/**
 * What the technician screen asks of a kiosk that has run for a year: the
 * morning report (report.hours, report.entries) over a busy branch's door
 * log and statistics on a real SQLite file, and the log tab (logs.tail)
 * over a full 10 MB log file; each beside a reference measured in the same
 * run (one SQL aggregate for the same day; reading and JSON.parse-ing the
 * same lines without making them readable).
 */
const ZONE = 'Europe/Stockholm';
const DAYS = 365;
const ATTEMPTS_PER_OPEN_HOUR = 20;

async function timed(n: number, run: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = nowMs();
    await run();
    samples.push(nowMs() - t);
  }
  return samples;
}

export default async function (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-bench-tech-'));
  try {
    const db = openDatabase(join(dir, 'openbranch.sqlite'));
    const log = new EntryLog(db);
    const stats = new TransactionStats(db);
    const end = Date.parse('2026-11-30T23:00:00Z');
    const fill = db.transaction(() => {
      for (let d = 0; d < DAYS; d++)
        for (let h = 6; h < 22; h++) {
          const hourStart = end - (DAYS - d) * 86_400_000 + (h - 1) * 3_600_000;
          for (let a = 0; a < ATTEMPTS_PER_OPEN_HOUR; a++) {
            const at = new Date(hourStart + a * 170_000);
            log.attempt(
              at,
              `2300000000${String(a).padStart(4, '0')}`,
              a % 9 === 0 ? 'denied' : 'granted',
              a % 9 === 0 ? 'wrong-pin' : undefined,
            );
            if (a % 3 === 0) stats.count(localHourKey(at, ZONE), a % 2 ? 'checkout' : 'checkin', a % 15 === 0 ? 'on-hold-for-other' : 'ok');
          }
        }
    });
    const t0 = nowMs();
    fill();
    const rows = (db.prepare('SELECT COUNT(*) AS n FROM door_entries').get() as { n: number }).n;
    console.log(`a year of a busy branch: ${rows} door attempts, written in ${((nowMs() - t0) / 1000).toFixed(1)} s`);

    const router = new RequestRouter(
      reportHandlers({ entryLog: log, transactions: stats, timeZone: ZONE, identityDays: 30, now: () => new Date(end) }),
      async () => true,
      silentLogger,
    );
    const session = { technician: true };
    const day = { period: 'day', date: '2026-06-15' };
    console.log(`report.hours, one day: ${summary(await timed(200, () => router.handle('report.hours', day, session)))}`);
    console.log(
      `report.hours, last 24 h: ${summary(await timed(200, () => router.handle('report.hours', { period: 'last-24h' }, session)))}`,
    );
    console.log(
      `report.entries, one day (${20 * 16} attempts): ${summary(await timed(200, () => router.handle('report.entries', day, session)))}`,
    );
    const aggregate = db.prepare(
      "SELECT strftime('%H', at, '+2 hours') AS h, outcome, COUNT(*) AS n FROM door_entries WHERE at >= ? AND at < ? GROUP BY h, outcome",
    );
    console.log(
      `  reference, one SQL aggregate of the same day's door log: ${summary(await timed(200, () => aggregate.all('2026-06-14T22:00:00.000Z', '2026-06-15T22:00:00.000Z')))}`,
    );
    db.close();

    const logDir = join(dir, 'logs');
    const line = (i: number) =>
      JSON.stringify({
        level: i % 50 === 0 ? 40 : 30,
        time: new Date(end - i * 1000).toISOString(),
        app: 'openbranch',
        subsystem: ['devices', 'sip2', 'queue', 'door'][i % 4],
        device: 'pad',
        state: 'connected',
        err: { code: 'ENOENT', message: 'no such file' },
        msg: 'device status',
      });
    const lines: string[] = [];
    for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) {
      lines.push(line(i));
      size += lines.at(-1)!.length + 1;
    }
    mkdirSync(logDir);
    writeFileSync(join(logDir, 'openbranch.1.log'), `${lines.join('\n')}\n`);
    const tail = logHandlers(logDir)['logs.tail'];
    console.log(`logs.tail, 500 lines of a 10 MB file, readable: ${summary(await timed(100, () => tail({ lines: 500 })))}`);
    console.log(`logs.tail, warnings only: ${summary(await timed(100, () => tail({ lines: 500, level: 'warn' })))}`);
    console.log(
      `  reference, read the same 256 kB tail and JSON.parse 500 lines: ${summary(
        await timed(100, async () =>
          (await readTail(join(logDir, 'openbranch.1.log'), 256 * 1024))
            .split('\n')
            .slice(-501, -1)
            .map((l) => JSON.parse(l) as unknown),
        ),
      )}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
