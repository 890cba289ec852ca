/**
 * Door latency: from the PIN being submitted (the card was read before it)
 * to the lock relay switching on. Online: real SIP2 to the demo ACS
 * answering in 50 ms (target < 150 ms p99). Offline: the central system
 * is down and the entry cache decides (target < 30 ms p99). The real
 * door controller and machine, the real relay lock on a simulated board,
 * the entry cache in a real SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RelayLock } from '../../devices/door/relay-lock.ts';
import { SimulatedRelayBoard } from '../../devices/door/simulated-board.ts';
import { connectCentral } from '../../main/central/index.ts';
import { DoorController } from '../../main/door/door-controller.ts';
import { EntryCache } from '../../main/door/entry-cache.ts';
import { EntryLog } from '../../main/door/entry-log.ts';
import { noopMetrics } from '../../main/metrics/kiosk-metrics.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { configSchema } from '../../shared/config/schema.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { silentLogger } from '../../shared/logger.ts';
import { nowMs, summary } from './stats.ts';

const ANNA = { card: '23000000000017', pin: '1234' };
const RUNS = 200;
// Monday 06:05 in Stockholm: unstaffed hours.
const AT = new Date('2026-11-30T05:05:00Z');

async function oneEntry(central: CentralSystem, cache: EntryCache, rules: ReturnType<typeof configSchema.parse>['door']) {
  const board = new SimulatedRelayBoard();
  const lock = new RelayLock('lock', board, 1, silentLogger);
  await lock.open();
  const door = new DoorController({
    rules,
    timeZone: 'Europe/Stockholm',
    central,
    lock,
    sensor: undefined,
    alarmOutputs: [],
    log: undefined,
    cache,
    metrics: noopMetrics,
    logger: silentLogger,
    clock: { now: () => AT },
  });
  const relayOn = new Promise<number>((resolve) => board.onChange((c) => c.on && resolve(nowMs())));
  door.dispatch({ type: 'door.card', number: ANNA.card });
  for (const digit of ANNA.pin) door.dispatch({ type: 'door.digit', digit });
  const started = nowMs();
  door.dispatch({ type: 'door.submit' });
  const ms = (await relayOn) - started;
  await door.stop();
  return ms;
}

export default async function (): Promise<void> {
  const config = configSchema.parse({ central: { kind: 'demo', latencyMs: 50, port: 0 } });
  const dir = mkdtempSync(join(tmpdir(), 'ob-door-bench-'));
  const db = openDatabase(join(dir, 'openbranch.sqlite'));
  const cache = new EntryCache(db, 14, new EntryLog(db).cardKey);
  const conn = await connectCentral(config, silentLogger);
  await conn.connect();
  try {
    const online: number[] = [];
    for (let i = 0; i < RUNS; i++) online.push(await oneEntry(conn.central, cache, config.door));
    console.log(`door online (demo ACS 50 ms, real SIP2): PIN submitted -> relay on  ${summary(online)}  target p99 < 150 ms`);
    console.log(`  door's own share above the ACS's 50 ms: p50 ${(online.sort((a, b) => a - b)[RUNS / 2]! - 50).toFixed(2)} ms`);

    await new Promise((r) => setTimeout(r, 200)); // the last remember() lands
    // The same client, reported down: the door goes straight to its cache.
    const offlineCentral: CentralSystem = Object.assign(Object.create(conn.central) as CentralSystem, { health: () => 'offline' as const });
    const offline: number[] = [];
    for (let i = 0; i < RUNS; i++) offline.push(await oneEntry(offlineCentral, cache, config.door));
    console.log(`door offline (entry cache, scrypt N=4096): PIN submitted -> relay on  ${summary(offline)}  target p99 < 30 ms`);
  } finally {
    await conn.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
