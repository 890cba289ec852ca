/**
 * `npm run bench -- queue`: the offline queue's disk work beside references
 * measured in the same run (alternating rounds, medians of 5): record() at
 * synchronous=FULL (what the kiosk uses) and NORMAL against a bare durable
 * INSERT; replay of 10,000 transactions against 10,000 SIP2 round trips;
 * then the database size and memory after a busy branch's year (300,000
 * transactions) and a large crash run. Files live in the OS temp folder (a
 * real disk here: ext4 on virtio).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoCatalog } from '../../main/central/demo/catalog/catalog.ts';
import { DEMO_LOGIN } from '../../main/central/demo/data.ts';
import { connectCentral, startDemoAcs } from '../../main/central/index.ts';
import { replay } from '../../main/queue/replay.ts';
import { listTransactions, queueStatus } from '../../main/queue/report.ts';
import { QueueStore } from '../../main/queue/store.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { configSchema } from '../../shared/config/schema.ts';
import { silentLogger } from '../../shared/logger.ts';
import { compare, interleaved, median } from './compare.ts';
import { nowMs } from './stats.ts';

const DAY = 86_400_000;
const CARD = '23000000000017';
const ITEMS = ['011', '029', '037', '052', '128', '136', '144', '152', '160', '178', '186', '194'].map((n) => `39000000000${n}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export default async function (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-queue-bench-'));
  try {
    await recordAgainstBareInsert(dir);
    await replayAgainstRoundTrips(dir, 10_000);
    yearOfTransactions(dir, 300_000);
    await largeCrashRun();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ROUNDS = 5;
const OPS = 400;
const tx = { kind: 'checkout' as const, card: CARD, item: ITEMS[0]!, branch: 'VAS', attempts: 1 as const };

/** Per op, alternating: A then B, B then A, ... so both meet the same disk (other work's flushes come and go). */
function pairedOps(a: () => void, b: () => void): { a: number; b: number } {
  const ta: number[] = [];
  const tb: number[] = [];
  const time = (op: () => void, into: number[]) => {
    const t = nowMs();
    op();
    into.push(nowMs() - t);
  };
  for (let i = 0; i < OPS; i++) {
    if (i % 2 === 0) {
      time(a, ta);
      time(b, tb);
    } else {
      time(b, tb);
      time(a, ta);
    }
  }
  return { a: median(ta), b: median(tb) };
}

/**
 * record() (the write-ahead row of a loan) against the least a durable row
 * costs: one INSERT of a row of the same size into a bare table, committed
 * (WAL, the same synchronous setting: one fsync at FULL). Both files in the
 * same folder; the two alternate op by op, median per round, median of the
 * rounds. The target (1.2x) is FULL's, what the kiosk runs; NORMAL is shown
 * for comparison.
 */
export async function recordAgainstBareInsert(dir: string): Promise<void> {
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    const db = openDatabase(join(dir, `record-${synchronous}.sqlite`));
    db.pragma(`synchronous = ${synchronous}`);
    const store = new QueueStore(db);
    const bare = openDatabase(join(dir, `bare-${synchronous}.sqlite`));
    bare.pragma(`synchronous = ${synchronous}`);
    bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = bare.prepare('INSERT INTO t (body) VALUES (?)');
    const body = JSON.stringify({ id: crypto.randomUUID(), ...tx, at: Date.now(), state: 'pending', offline: 0, updatedAt: Date.now() });
    for (let i = 0; i < 100; i++) {
      store.record({ ...tx, at: Date.now() });
      insert.run(body);
    }
    const record: number[] = [];
    const reference: number[] = [];
    const whole: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r = pairedOps(
        () => store.record({ ...tx, at: Date.now() }),
        () => insert.run(body),
      );
      record.push(r.a);
      reference.push(r.b);
      whole.push(
        pairedOps(
          () => {
            const row = store.record({ ...tx, at: Date.now() });
            store.finish(row, 'done', 'ok', { dueDate: '2026-12-24' });
          },
          () => {},
        ).a,
      );
    }
    const what = `record() (a loan's write-ahead row), synchronous=${synchronous}`;
    if (synchronous === 'FULL') compare(what, record, reference, 1.2, 'ms', 'bare INSERT + commit');
    else
      console.log(
        `${what}: ${median(record).toFixed(3)} ms vs bare INSERT + commit ${median(reference).toFixed(3)} ms (no target: the kiosk runs FULL)`,
      );
    console.log(`  record() + finish() (an online loan's whole disk work), synchronous=${synchronous}: ${median(whole).toFixed(3)} ms`);
    db.close();
    bare.close();
  }
}

/**
 * The queue an outage leaves: loans and then their returns, in blocks of
 * BLOCK (a branch's busy hours), each block on other copies of the demo
 * catalogue (books free to lend), so the ACS ends each block as it began.
 * Transaction i: its kind and item.
 */
const BLOCK = 150;
function outageQueue(n: number): Array<{ kind: 'checkout' | 'checkin'; item: string }> {
  const copies = [...new DemoCatalog().items()].filter((c) => !c.due && !c.notForLoan && c.mediaType === 'book').map((c) => c.itemId);
  const out: Array<{ kind: 'checkout' | 'checkin'; item: string }> = [];
  for (let block = 0; out.length < n; block++) {
    const size = Math.min(BLOCK, Math.floor((n - out.length) / 2)) || 1;
    const items = Array.from({ length: size }, (_, k) => copies[(block * BLOCK + k) % copies.length]!);
    for (const item of items) out.push({ kind: 'checkout', item });
    for (const item of items) out.push({ kind: 'checkin', item });
  }
  return out.slice(0, n);
}

/**
 * Replay of `n` queued transactions (unbounded rate) against `n` SIP2 round
 * trips of the same requests through the same client to the same demo ACS on
 * loopback: what replay adds is its disk work and bookkeeping.
 */
export async function replayAgainstRoundTrips(dir: string, n: number): Promise<void> {
  const acs = await startDemoAcs({ port: 0 });
  const config = configSchema.parse({ central: { kind: 'sip2', host: acs.host, port: acs.port, ...DEMO_LOGIN, location: 'VAS' } });
  const connection = await connectCentral(config, silentLogger);
  await connection.connect();
  const central = connection.central;
  const queue = outageQueue(n);
  const request = (i: number) => {
    const { kind, item } = queue[i]!;
    const transactionTime = new Date(Date.now() - DAY + i);
    return kind === 'checkout'
      ? central.checkout({ cardNumber: CARD, itemId: item, noBlock: true, transactionTime })
      : central.checkin({ itemId: item, location: 'VAS', noBlock: true, transactionTime });
  };
  // The demo ACS reads its catalogue on the first look-up of a catalogue copy: not part of either figure.
  await central.itemInformation(queue[0]!.item);
  let round = 0;
  const s = await interleaved(ROUNDS, {
    roundTrips: async () => {
      const t = nowMs();
      for (let i = 0; i < n; i++) await request(i);
      return nowMs() - t;
    },
    replay: async () => {
      const store = new QueueStore(openDatabase(join(dir, `replay-${round++}.sqlite`)));
      store.db.transaction(() => {
        for (const [i, { kind, item }] of queue.entries()) {
          const base = { item, branch: 'VAS', at: Date.now() - DAY + i, attempts: 0 as const, offline: true };
          store.record(kind === 'checkout' ? { ...base, kind, card: CARD } : { ...base, kind });
        }
      })();
      const t = nowMs();
      const result = await replay(store, central, silentLogger, { minIntervalMs: 0, settleMs: 0, sleep: async () => {}, now: Date.now });
      const ms = nowMs() - t;
      if (result.remaining !== 0 || result.done + result.conflicts !== n) throw new Error(`replay left ${JSON.stringify(result)}`);
      store.db.close();
      return ms;
    },
  });
  compare(
    `replay of ${n.toLocaleString('en')} queued transactions`,
    s.replay,
    s.roundTrips,
    1.2,
    'ms',
    `${n.toLocaleString('en')} SIP2 round trips`,
  );
  console.log(
    `  ${Math.round(n / (median(s.replay) / 1000))} transactions/s; at the default bound (offline.replayPerSecond 5) ${n.toLocaleString('en')} take ${Math.round(n / 5 / 60)} min`,
  );
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
