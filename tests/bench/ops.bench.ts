import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { passDecoder } from '../../devices/counter/input-board-counter.ts';
import { walkLevels } from '../../devices/counter/simulated-counter.ts';
import { encodeLevel, InputBoardParser } from '../../devices/door/codec/input-board.ts';
import { startKiosk } from '../../main/app/start-kiosk.ts';
import { hashToken } from '../../main/staff-api/auth.ts';
import { staffRequest } from '../../main/staff-api/client.ts';
import { configSchema } from '../../shared/config/schema.ts';
import { silentLogger } from '../../shared/logger.ts';
import { nowMs, summary } from './stats.ts';

/**
 * Night operations (`npm run bench -- ops`): the staff API's lockdown and
 * clear (each written to the entry log on a SQLite file, synchronous=FULL)
 * beside a status read on the same server as the reference; the people
 * counter's decoding beside the input-board line parser it sits on; and a
 * /metrics scrape of a running kiosk with the night-operations series.
 */
export default async function (): Promise<void> {
  const TOKEN = 'bench-token-0123456789-abcdefghijkl';
  const dataDir = mkdtempSync(join(tmpdir(), 'ob-bench-ops-'));
  const kiosk = await startKiosk({
    config: configSchema.parse({
      metrics: { port: 0 },
      staffApi: { enabled: true, port: 0, staff: [{ name: 'Bench', tokenHash: hashToken(TOKEN) }] },
    }),
    logger: silentLogger,
    dataDir,
  });
  try {
    const o = { url: kiosk.staffApiUrl!, token: TOKEN };
    const status: number[] = [];
    const actions: number[] = [];
    for (let i = 0; i < 200; i++) {
      let t = nowMs();
      await staffRequest(o, 'GET', 'v1/status');
      status.push(nowMs() - t);
      t = nowMs();
      await staffRequest(o, 'POST', 'v1/lockdown', { reason: 'bench lockdown' });
      await staffRequest(o, 'POST', 'v1/clear', { reason: 'bench clear' });
      actions.push((nowMs() - t) / 2);
    }
    console.log(`staff API status read (reference, same server): ${summary(status)}`);
    console.log(`staff API lockdown or clear, logged to SQLite (FULL): ${summary(actions)}`);

    const scrape: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 100; i++) {
      const t = nowMs();
      bytes = (await (await fetch(`${kiosk.metricsUrl}/metrics`)).text()).length;
      scrape.push(nowMs() - t);
    }
    console.log(`/metrics scrape over HTTP with the night-operations series (${bytes} bytes): ${summary(scrape)}`);
  } finally {
    await kiosk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  // 100,000 people walking in and out: 400,000 board lines.
  const lines = Buffer.concat(
    Array.from({ length: 100_000 }, (_, i) =>
      Buffer.concat(walkLevels(i % 2 ? 'out' : 'in').map((l) => Buffer.from(encodeLevel(l.input, l.level)))),
    ),
  );
  const chunks = Array.from({ length: Math.ceil(lines.length / 64) }, (_, i) => lines.subarray(i * 64, i * 64 + 64));
  const parseOnly: number[] = [];
  const decoded: number[] = [];
  let passes = 0;
  for (let round = 0; round < 5; round++) {
    let t = nowMs();
    let parser = new InputBoardParser();
    for (const c of chunks) parser.push(c);
    parseOnly.push(nowMs() - t);
    t = nowMs();
    parser = new InputBoardParser();
    const decode = passDecoder({ mode: 'beams', inputs: { a: 1, b: 2 }, activeLevel: '1' });
    passes = 0;
    for (const c of chunks) for (const item of parser.push(c)) if (item.type === 'level' && decode(item.input, item.level)) passes++;
    decoded.push(nowMs() - t);
  }
  console.log(`input-board lines parsed only (reference), 400,000 lines: ${summary(parseOnly)}`);
  console.log(`parsed and decoded into ${passes} passes (people counter): ${summary(decoded)}`);
}
