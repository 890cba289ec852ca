/**
 * Door latency: from the PIN being submitted (the card was read before it)
 * to the lock relay switching on. Online: real SIP2 to the demo ACS
 * answering in 50 ms (target < 150 ms p99). Offline: the central system
 * is down and the entry cache decides (target < 30 ms p99). The real
 * door controller and machine, the real relay lock on a simulated board,
 * the entry cache and the PIN attempt limit (written before the check) in
 * a real SQLite file, as in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectCentral } from '../../main/central/index.ts';
import { EntryCache } from '../../main/door/entry-cache.ts';
import { InstallKey } from '../../main/security/install-key.ts';
import { PinAttempts } from '../../main/security/pin-attempts.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { configSchema } from '../../shared/config/schema.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { silentLogger } from '../../shared/logger.ts';
import { timeDoorEntry } from './door-entry.ts';
import { summary } from './stats.ts';

const RUNS = 200;

export default async function (): Promise<void> {
  const config = configSchema.parse({ central: { kind: 'demo', latencyMs: 50, port: 0 } });
  const dir = mkdtempSync(join(tmpdir(), 'ob-door-bench-'));
  const db = openDatabase(join(dir, 'openbranch.sqlite'));
  const key = InstallKey.ephemeral();
  const cache = new EntryCache(db, 14, key);
  const attempts = new PinAttempts(db, config.policies.pinAttempts, key.cardKey);
  const conn = await connectCentral(config, silentLogger);
  await conn.connect();
  try {
    const online: number[] = [];
    for (let i = 0; i < RUNS; i++) online.push(await timeDoorEntry({ central: conn.central, cache, attempts, rules: config.door }));
    console.log(`door online (demo ACS 50 ms, real SIP2): PIN submitted -> relay on  ${summary(online)}  target p99 < 150 ms`);
    console.log(`  door's own share above the ACS's 50 ms: p50 ${(online.sort((a, b) => a - b)[RUNS / 2]! - 50).toFixed(2)} ms`);

    await new Promise((r) => setTimeout(r, 200)); // the last remember() lands
    // The same client, reported down: the door goes straight to its cache.
    const offlineCentral: CentralSystem = Object.assign(Object.create(conn.central) as CentralSystem, { health: () => 'offline' as const });
    const offline: number[] = [];
    for (let i = 0; i < RUNS; i++) offline.push(await timeDoorEntry({ central: offlineCentral, cache, attempts, rules: config.door }));
    console.log(`door offline (entry cache, scrypt N=4096): PIN submitted -> relay on  ${summary(offline)}  target p99 < 30 ms`);
  } finally {
    await conn.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
