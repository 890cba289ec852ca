/**
 * Offline queue: durable enqueue latency with synchronous=FULL (what the
 * kiosk uses) against NORMAL; replay throughput of 10,000 queued
 * transactions against the demo ACS over loopback SIP2; the database size
 * and memory after a busy branch's year (300,000 transactions). Files live
 * in the OS temp folder (a real disk here: ext4 on virtio).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_LOGIN } from '../../main/central/demo/data.ts';
import { connectCentral, startDemoAcs } from '../../main/central/index.ts';
import { replay } from '../../main/queue/replay.ts';
import { listTransactions, queueStatus } from '../../main/queue/report.ts';
import { QueueStore } from '../../main/queue/store.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { configSchema } from '../../shared/config/schema.ts';
import { silentLogger } from '../../shared/logger.ts';
import { nowMs, summary } from './stats.ts';

const DAY = 86_400_000;
const CARD = '23000000000017';
const ITEMS = ['011', '029', '037', '052', '128', '136', '144', '152', '160', '178', '186', '194'].map((n) => `39000000000${n}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export default async function (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-queue-bench-'));
  try {
    enqueueLatency(dir, 'FULL');
    enqueueLatency(dir, 'NORMAL');
    await replayThroughput(dir, 10_000);
    yearOfTransactions(dir, 300_000);
    await largeCrashRun();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** record() (the write-ahead row) and record()+finish() (a whole online transaction's disk work). */
function enqueueLatency(dir: string, synchronous: 'FULL' | 'NORMAL'): void {
  const db = openDatabase(join(dir, `latency-${synchronous}.sqlite`));
  db.pragma(`synchronous = ${synchronous}`);
  const store = new QueueStore(db);
  const tx = { kind: 'checkout' as const, card: CARD, item: ITEMS[0]!, branch: 'VAS', attempts: 1 as const };
  for (let i = 0; i < 100; i++) store.record({ ...tx, at: Date.now() });
  const record: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = nowMs();
    const row = store.record({ ...tx, at: Date.now() });
    const recorded = nowMs();
    store.finish(row.id, 'done', 'ok', { dueDate: '2026-12-24' });
    record.push(recorded - t);
    whole.push(nowMs() - t);
  }
  console.log(`enqueue (write-ahead row), synchronous=${synchronous}: ${summary(record)}`);
  console.log(`enqueue + outcome (an online transaction's disk work), synchronous=${synchronous}: ${summary(whole)}`);
  db.close();
}

async function replayThroughput(dir: string, n: number): Promise<void> {
  const acs = await startDemoAcs({ port: 0 });
  const config = configSchema.parse({ central: { kind: 'sip2', host: acs.host, port: acs.port, ...DEMO_LOGIN, location: 'VAS' } });
  const connection = await connectCentral(config, silentLogger);
  await connection.connect();
  const store = new QueueStore(openDatabase(join(dir, 'replay.sqlite')));
  const fill = store.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const item = ITEMS[Math.floor(i / 2) % ITEMS.length]!;
      const base = { item, branch: 'VAS', at: Date.now() - DAY + i, attempts: 0 as const, offline: true };
      store.record(i % 2 === 0 ? { ...base, kind: 'checkout', card: CARD } : { ...base, kind: 'checkin' });
    }
  });
  fill();
  const t = nowMs();
  const result = await replay(store, connection.central, silentLogger, {
    minIntervalMs: 0,
    settleMs: 0,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    now: Date.now,
  });
  const seconds = (nowMs() - t) / 1000;
  console.log(
    `replay of ${n.toLocaleString('en')} queued transactions, unbounded rate, demo ACS on loopback: ${seconds.toFixed(1)} s, ` +
      `${Math.round(n / seconds)} transactions/s (done ${result.done}, conflicts ${result.conflicts}, left ${result.remaining})`,
  );
  console.log(`  at the default bound (offline.replayPerSecond 5) the same backlog takes ${Math.round(n / 5 / 60)} min`);
  store.db.close();
  await connection.close();
  await acs.close();
}

/** A busy branch: ~820 transactions a day for a year, all done, with card and item numbers of real length. */
function yearOfTransactions(dir: string, n: number): void {
  const file = join(dir, 'year.sqlite');
  const rssBefore = process.memoryUsage().rss;
  let now = Date.now() - 365 * DAY;
  const store = new QueueStore(openDatabase(file), () => now);
  const insert = store.db.prepare(
    `INSERT INTO queue_transactions (id, kind, card, item, branch, created_at, state, offline, attempts, outcome, due_date, updated_at)
     VALUES (?, ?, ?, ?, 'VAS', ?, 'done', ?, 1, 'ok', '2026-12-24', ?)`,
  );
  const t = nowMs();
  const batch = store.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      now += (365 * DAY) / n;
      const kind = i % 2 === 0 ? 'checkout' : 'checkin';
      insert.run(
        crypto.randomUUID(),
        kind,
        kind === 'checkout' ? `2300000${String(i % 50_000).padStart(7, '0')}` : null,
        `3900000${String(i).padStart(7, '0')}`,
        now,
        i % 20 === 0 ? 1 : 0,
        now,
      );
    }
  });
  for (let i = 0; i < n; i += 10_000) batch(i, Math.min(n, i + 10_000));
  const fillSeconds = (nowMs() - t) / 1000;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const size = statSync(file).size;
  let q = nowMs();
  const status = queueStatus(store.db);
  const statusMs = nowMs() - q;
  q = nowMs();
  listTransactions(store.db, { state: 'conflict' });
  const listMs = nowMs() - q;
  q = nowMs();
  store.record({ kind: 'checkout', card: CARD, item: ITEMS[0]!, branch: 'VAS', at: now, attempts: 1 });
  const recordMs = nowMs() - q;
  console.log(
    `${n.toLocaleString('en')} transactions (a busy branch's year, filled in ${fillSeconds.toFixed(1)} s): file ${mb(size)} ` +
      `(${Math.round(size / n)} B each), RSS ${mb(process.memoryUsage().rss)} (+${mb(process.memoryUsage().rss - rssBefore)})`,
  );
  console.log(
    `  with them on file: status ${statusMs.toFixed(1)} ms (${status.counts.done} done), conflict list ${listMs.toFixed(1)} ms, one more durable record ${recordMs.toFixed(2)} ms`,
  );
  store.db.close();
}

/** The crash test at a size CI has no time for (`OB_CRASH_BENCH_SIZE`, default 2,000 transactions, 25 kills). */
export async function largeCrashRun(): Promise<void> {
  const { crashScenario } = await import('../integration/queue/crash-scenario.ts');
  const size = Number(process.env.OB_CRASH_BENCH_SIZE ?? 2000);
  const seed = Date.now() % 100_000;
  const r = await crashScenario({ size, kills: 25, seed });
  const v = r.verdict;
  console.log(
    `crash run (seed ${seed}): ${size} transactions, ${r.kills} SIGKILLs, ${r.online} online / ${r.offline} offline told, ` +
      `${r.interrupted} interrupted, in ${r.seconds.toFixed(0)} s: lost ${v.lost.length}, doubled ${v.extra.length}, ` +
      `loan mismatches ${v.loanMismatch.length}, unsettled ${r.unsettled}`,
  );
}
