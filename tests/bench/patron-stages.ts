/**
 * Where a patron's wait goes, stage by stage, in the kiosk core (no
 * screen): the real pad driver polling at the session pace over the
 * in-memory cable to the FEIG simulator, the write-ahead queue on a SQLite
 * file, real SIP2 to the demo ACS at LATENCY, the real session machine.
 * Each item is placed alone and timed from the placement to: the next
 * inventory request on the wire, the tag read (item.placed), the
 * checkout handed to the queue, the SIP2 checkout sent (the loan is on
 * disk by then), the answer, and the line's result (second write to disk,
 * AFI write and read-back).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from 'xstate';
import { createItemPad, simulatedReader } from '../../devices/rfid/index.ts';
import { feigReader } from '../../devices/rfid/readers/feig/index.ts';
import { DEMO_ITEMS } from '../../main/central/demo/data.ts';
import { connectCentral } from '../../main/central/index.ts';
import { RFID_READERS } from '../../main/devices/drivers.ts';
import { createQueuedCentral } from '../../main/queue/queued-central.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { configSchema } from '../../shared/config/schema.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { silentLogger } from '../../shared/logger.ts';
import { checkoutSession, closeCore } from './checkout-session.ts';
import { nowMs } from './stats.ts';

export const STAGES = [
  'poll wait',
  'inventory + tag read',
  'to the queue',
  'on disk, SIP2 sent',
  'SIP2 answer',
  'disk, AFI write + read-back',
] as const;

/** Per item, the milliseconds each stage took (in STAGES order). */
export async function patronStages(latencyMs: number): Promise<number[][]> {
  const config = configSchema.parse({ central: { kind: 'demo', latencyMs, port: 0 } });
  const items = DEMO_ITEMS.filter((i) => i.parts === 1 && i.note.startsWith('Available')).map((i) => i.itemId);
  const conn = await connectCentral(config, silentLogger);
  await conn.connect();
  const dir = mkdtempSync(join(tmpdir(), 'ob-patron-stages-'));
  const db = openDatabase(join(dir, 'openbranch.sqlite'));
  const marks: Record<string, number> = {};
  const sip2 = new Proxy(conn.central, {
    get(target, prop) {
      if (prop === 'checkout')
        return async (...args: Parameters<CentralSystem['checkout']>) => {
          marks.sent = nowMs();
          const answer = await target.checkout(...args);
          marks.answered = nowMs();
          return answer;
        };
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const queue = createQueuedCentral({ central: sip2, db, policy: config.offline, branchId: 'VAS', logger: silentLogger });
  const queued = new Proxy(queue, {
    get(target, prop) {
      if (prop === 'checkout') {
        return (...args: Parameters<CentralSystem['checkout']>) => {
          marks.queued = nowMs();
          return target.checkout(...args);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const reader = simulatedReader(RFID_READERS, { id: 'pad', kind: 'rfid', driver: 'simulated', enabled: true }, silentLogger);
  // The driver's end of the cable: the first inventory request after a placement.
  const inventory = feigReader.protocol(feigReader.schema.parse({})).inventory().request;
  const write = reader.cable.write.bind(reader.cable);
  reader.cable.write = (bytes) => {
    if (marks.placed !== undefined && marks.polled === undefined && Buffer.from(bytes).equals(Buffer.from(inventory)))
      marks.polled = nowMs();
    return write(bytes);
  };
  await reader.open();
  const pad = createItemPad(reader, { logger: silentLogger });
  pad.onEvent((e) => {
    if (e.type === 'item.placed') marks.read = nowMs();
  });
  const out: number[][] = [];
  const screens = await checkoutSession(queued, pad);
  try {
    for (const itemId of items) {
      for (const key of Object.keys(marks)) delete marks[key];
      // Placed at a random point of the poll cycle, as a patron would.
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      marks.placed = nowMs();
      reader.pad.place({ item: { itemId } });
      await waitFor(screens.actor, (s) => s.context.lines.some((l) => l.itemId === itemId && l.status === 'done'), { timeout: 10_000 });
      const done = nowMs();
      const m = marks as Record<'placed' | 'polled' | 'read' | 'queued' | 'sent' | 'answered', number>;
      out.push([m.polled - m.placed, m.read - m.polled, m.queued - m.read, m.sent - m.queued, m.answered - m.sent, done - m.answered]);
    }
  } finally {
    await closeCore({ screens, pad, reader, queue, db, dir, conn });
  }
  return out;
}
