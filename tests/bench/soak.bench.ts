/**
 * Soak: the whole kiosk core in-process (embedded default: demo ACS over
 * real SIP2 on loopback, simulated pad and card reader, SQLite on disk)
 * through an hour of compressed time: 1,000 patron sessions borrowing 1-3
 * items or bringing a bag back, a door entry after each (every 20th with
 * a wrong PIN), and the central system dropping off for five sessions in
 * every 50 (the door then lets members in from its offline cache). Prints
 * memory at start / after warm-up / end, event-loop delay, the database
 * size, whether the ACS holds exactly what patrons were told, and whether
 * the door's entry log holds every attempt.
 * `OB_SOAK_SESSIONS` changes the number of sessions.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningKiosk, startKiosk } from '../../main/app/start-kiosk.ts';
import { DEMO_ITEMS } from '../../main/central/demo/data.ts';
import type { DemoAcs } from '../../main/central/index.ts';
import { EntryLog } from '../../main/door/entry-log.ts';
import { listTransactions, queueStatus } from '../../main/queue/report.ts';
import { simulatedDevices } from '../../shared/config/devices/index.ts';
import { configSchema } from '../../shared/config/schema.ts';
import { silentLogger } from '../../shared/logger.ts';
import { SoakDoor } from './soak-door.ts';
import { type Patron, SoakPatrons, type Tag, type Told } from './soak-patrons.ts';
import {
  describeDelay,
  describeTold,
  describeVerdict,
  eventLoopDelay,
  findGc,
  mb,
  mulberry32,
  reconcile,
  sleep,
  until,
} from './soak-support.ts';
import { nowMs, summary } from './stats.ts';

const SESSIONS = Number(process.env.OB_SOAK_SESSIONS ?? 1000);
const WARMUP = Math.min(50, Math.floor(SESSIONS / 4));
/** In every 50 sessions, the central system drops every connection from session 20 to 24. */
const OFFLINE_FROM = 20;
const OFFLINE_TO = 25;
/** The demo patrons who may borrow (demo data: blocked, fined and expired cards are left out). */
const PATRONS: readonly Patron[] = [
  { cardNumber: '23000000000017', pin: '1234' }, // Anna
  { cardNumber: '23000000000041', pin: '4567' }, // Elsa
  { cardNumber: '23000000000058', pin: '5678' }, // Olle
  { cardNumber: '23000000000066', pin: '6789' }, // Sara
  { cardNumber: '23000000000082', pin: '8901' }, // Leila
];

export default async function (): Promise<void> {
  const gc = findGc();
  const dir = mkdtempSync(join(tmpdir(), 'ob-soak-'));
  // Offline recovery in seconds, not the production half-minute: the compressed hour has no half-minutes to spare.
  // The pad polls at 40 ms rather than 250: the patron's pace, not the reader's, should set the soak's.
  const config = configSchema.parse({
    demo: true,
    offline: { onlineAfterSeconds: 1, probeSeconds: 1, settleSeconds: 1 },
    // The shortest lock pulse: each entry waits for it before the patron walks through.
    door: { pulseMs: 500 },
    devices: simulatedDevices.map((d) => (d.kind === 'rfid' ? { ...d, pollIntervalMs: 40 } : d)),
  });
  let loop: ReturnType<typeof eventLoopDelay> | undefined;
  const memory = () => {
    loop?.pause();
    gc.collect?.();
    loop?.resume();
    const m = process.memoryUsage();
    return { rss: m.rss, heap: m.heapUsed };
  };
  const atStart = memory();
  const forget = (...records: unknown[][]) => {
    for (const r of records) r.length = 0;
    return memory();
  };
  const kiosk = await startKiosk({ config, logger: silentLogger, dataDir: dir });
  try {
    const demo = kiosk.central.demo!.inProcess!;
    // The SIP2 client connects in the background: the first patron comes when the kiosk is online.
    await until(() => kiosk.queue.mode() === 'online', 15_000);
    const patrons = new SoakPatrons(kiosk);
    const door = new SoakDoor(kiosk);
    door.openHours();
    const random = mulberry32(42);
    let shelf = DEMO_ITEMS.filter((i) => i.parts === 1 && /available/i.test(i.note) && !i.notForLoan).map((i) => i.itemId);
    const bags: Tag[][] = [];
    const told: Told[] = [];
    const durations: number[] = [];
    const heapSeries: number[] = [];
    let afterWarmup = atStart;
    let offlineSessions = 0;
    loop = eventLoopDelay();
    const started = nowMs();
    for (let i = 0; i < SESSIONS; i++) {
      if (i % 50 === OFFLINE_FROM) demo.misbehave({ kind: 'drop' });
      if (i % 50 === OFFLINE_TO) demo.misbehave({ kind: 'normal' });
      if (kiosk.queue.mode() !== 'online') offlineSessions++;
      const t = nowMs();
      if (bags.length > 0 && (bags.length >= 3 || shelf.length < 3 || random() < 0.5)) {
        // Someone brings back the oldest bag; what was not taken back stays out of the soak's stock.
        const bag = bags.shift()!;
        const session = await patrons.giveBack(bag);
        told.push(session);
        const back = new Set(session.lines.filter((l) => l.status !== 'refused').map((l) => l.itemId));
        shelf.push(...bag.filter((b) => back.has(b.itemId)).map((b) => b.itemId));
      } else {
        const items = shelf.slice(0, 1 + Math.floor(random() * 3));
        const r = await patrons.borrow(PATRONS[i % PATRONS.length]!, items, i % 10 === 0);
        told.push(r.told);
        if (r.taken.length > 0) bags.push(r.taken);
        const taken = new Set(r.taken.map((t) => t.itemId));
        shelf = [...shelf.filter((id) => !items.includes(id)), ...items.filter((id) => !taken.has(id))];
      }
      durations.push(nowMs() - t);
      await door.entry(i % 20 === 19);
      if (i + 1 === WARMUP) afterWarmup = memory();
      if ((i + 1) % 50 === 0) heapSeries.push(memory().heap);
    }
    const wall = (nowMs() - started) / 1000;
    const atEnd = memory();
    const delay = loop.stop();
    loop = undefined;

    // The central system is back: replay whatever still waits, then compare.
    demo.misbehave({ kind: 'normal' });
    await until(() => kiosk.central.central.health() !== 'offline', 30_000);
    const drainStarted = nowMs();
    do {
      const r = await kiosk.queue.replayNow();
      if (r.remaining > 0) await sleep(500);
    } while (kiosk.queue.store.backlog() > 0 && nowMs() - drainStarted < 60_000);
    const status = queueStatus(kiosk.queue.store.db);
    // The door's clock says Monday 30 November; the entry log is in the same SQLite file.
    const logged = new EntryLog(kiosk.queue.store.db).report('2026-11-30', '2026-11-30', () => 0);
    const verdict = reconcile(told, demo.state.transactions, demo.state.loans);
    // After the comparison, what the soak and the demo ACS record for it goes; the rest is the kiosk's.
    const acsLogLength = demo.state.transactions.length;
    const sessionsKept = told.length;
    const borrowing = told.filter((s) => s.kind === 'checkout').length;
    const toldLines = describeTold(told);
    const dump = verdict.lost.length + verdict.extra.length + verdict.loanMismatch.length > 0 ? dumpMismatch(told, demo, kiosk) : undefined;
    const withoutRecords = forget(told, demo.state.transactions);
    const db = join(dir, 'openbranch.sqlite');
    const sizeOf = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    const growth = (from: number, to: number) => mb(((to - from) / Math.max(1, SESSIONS - WARMUP)) * 100);

    console.log(
      `${SESSIONS} sessions (${borrowing} borrowing, ${SESSIONS - borrowing} returning; ${offlineSessions} began with the kiosk offline or recovering) ` +
        `in ${wall.toFixed(0)} s wall, ${(SESSIONS / wall).toFixed(2)} sessions/s`,
    );
    console.log(`  session, card to attract screen with the pad cleared: ${summary(durations)}`);
    for (const line of toldLines) console.log(`  ${line}`);
    console.log(
      `  transactions at the demo ACS: ${acsLogLength}; ` +
        `queue ${JSON.stringify(status.counts)}, backlog ${status.backlog}, open conflicts ${status.openConflicts}`,
    );
    console.log(
      `  door: ${door.granted} entries granted, ${door.denied} refused (unexpected refusals: ${JSON.stringify(Object.fromEntries(door.unexpected))}); ` +
        `entry log holds ${logged.granted} granted and ${logged.denied} refused: ${logged.granted === door.granted && logged.denied === door.denied ? 'nothing lost' : 'MISMATCH'}`,
    );
    console.log(`memory (gc ${gc.how}):`);
    console.log(`  start (before the kiosk): RSS ${mb(atStart.rss)}, heap ${mb(atStart.heap)}`);
    console.log(`  after warm-up (${WARMUP} sessions): RSS ${mb(afterWarmup.rss)}, heap ${mb(afterWarmup.heap)}`);
    console.log(`  end: RSS ${mb(atEnd.rss)}, heap ${mb(atEnd.heap)}`);
    console.log(
      `  end, without what the soak itself keeps (${sessionsKept} sessions' lines, the demo ACS's log of ${acsLogLength}): ` +
        `heap ${mb(withoutRecords.heap)}, growth per 100 sessions ${growth(afterWarmup.heap, withoutRecords.heap)}`,
    );
    console.log(
      `  growth per 100 sessions after warm-up: RSS ${growth(afterWarmup.rss, atEnd.rss)}, heap ${growth(afterWarmup.heap, atEnd.heap)}`,
    );
    console.log(`  heap every 50 sessions: ${heapSeries.map((h) => (h / 1024 / 1024).toFixed(1)).join(' ')} MB`);
    console.log(`event-loop delay: ${describeDelay(delay)}`);
    console.log(`SQLite at the end: ${mb(sizeOf(db))} + WAL ${mb(sizeOf(`${db}-wal`))}`);
    console.log(`reconciliation after replayNow(): ${describeVerdict(verdict)}`);
    if (dump) console.log(`  what the patrons were told, the ACS's log and the queue: ${dump}`);
  } finally {
    await kiosk.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function dumpMismatch(told: readonly Told[], demo: DemoAcs, kiosk: RunningKiosk): string {
  const file = join(tmpdir(), `ob-soak-mismatch-${Date.now()}.json`);
  const queue = listTransactions(kiosk.queue.store.db, { limit: 100_000, revealCards: true });
  writeFileSync(file, JSON.stringify({ told, acs: demo.state.transactions, queue }, null, 1));
  return file;
}
