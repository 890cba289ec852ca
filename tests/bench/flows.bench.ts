/**
 * Check-out of ten items with the demo ACS answering in 50 ms: the target
 * is 10 x 50 ms + the RFID writes + 100 ms. Real SIP2 over loopback behind
 * the write-ahead queue on a real SQLite file (synchronous=FULL), as in the
 * kiosk; the real FEIG driver against the simulated pad, the real session
 * machine.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from 'xstate';
import { createItemPad, simulatedReader } from '../../devices/rfid/index.ts';
import { DEMO_ITEMS } from '../../main/central/demo/data.ts';
import { connectCentral } from '../../main/central/index.ts';
import { RFID_READERS } from '../../main/devices/drivers.ts';
import { createQueuedCentral } from '../../main/queue/queued-central.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { configSchema } from '../../shared/config/schema.ts';
import { silentLogger } from '../../shared/logger.ts';
import { checkoutSession, closeCore } from './checkout-session.ts';
import { nowMs } from './stats.ts';

const LATENCY = 50;

export default async function (): Promise<void> {
  const config = configSchema.parse({ central: { kind: 'demo', latencyMs: LATENCY, port: 0 } });
  const items = DEMO_ITEMS.filter((i) => i.parts === 1 && i.note.startsWith('Available')).slice(0, 10);
  const runs: Array<{ total: number; rfid: number }> = [];
  for (let run = 0; run < 3; run++) {
    const conn = await connectCentral(config, silentLogger);
    await conn.connect();
    const dir = mkdtempSync(join(tmpdir(), 'ob-flows-bench-'));
    const db = openDatabase(join(dir, 'openbranch.sqlite'));
    const queue = createQueuedCentral({ central: conn.central, db, policy: config.offline, branchId: 'VAS', logger: silentLogger });
    const deviceConfig = { id: 'pad', kind: 'rfid' as const, driver: 'simulated', enabled: true, pollIntervalMs: 20 };
    const reader = simulatedReader(RFID_READERS, deviceConfig, silentLogger);
    await reader.open();
    const pad = createItemPad(reader, { logger: silentLogger });
    pad.start();
    const screens = await checkoutSession(queue, pad);
    for (const i of items) reader.pad.place({ item: { itemId: i.itemId } });
    await waitFor(screens.actor, (s) => s.context.lines.length === items.length, { timeout: 10_000 });
    const started = nowMs();
    await waitFor(screens.actor, (s) => s.context.lines.every((l) => l.status === 'done'), { timeout: 20_000 });
    const total = nowMs() - started;
    // The RFID writes alone, for the same ten tags (secure again, as a write of the same size).
    const t = nowMs();
    for (const tag of pad.items()) await pad.setSecurity(tag.uid, 'secured');
    runs.push({ total, rfid: nowMs() - t });
    await closeCore({ screens, pad, reader, queue, db, dir, conn });
  }
  for (const r of runs) {
    const budget = 10 * LATENCY + r.rfid + 100;
    const overhead = (r.total - 10 * LATENCY - r.rfid) / 10;
    console.log(
      `10 items: ${r.total.toFixed(0)} ms (budget ${budget.toFixed(0)} ms: 10 x ${LATENCY} ms + RFID writes ${r.rfid.toFixed(0)} ms + 100 ms); kiosk overhead per item ${overhead.toFixed(1)} ms`,
    );
  }
}
