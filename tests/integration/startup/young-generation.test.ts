import { afterEach, describe, expect, it } from 'vitest';
import { type KioskProcess, startKioskProcess } from '../../e2e/kiosk-process.ts';

const METRICS_LINE = /^OpenBranch metrics: (http:\/\/127\.0\.0\.1:\d+\/metrics)$/m;
const MiB = 1024 * 1024;

/** The young generation's reserved size as the kiosk's own /metrics reports it (prom-client's heap space gauges). */
async function newSpaceBytes(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const m = /^nodejs_heap_space_size_total_bytes\{space="new"\} (\d+)$/m.exec(text);
  if (!m) throw new Error(`no new-space gauge in /metrics:\n${text.slice(0, 2000)}`);
  return Number(m[1]);
}

describe('the kiosk process keeps V8 young generation small (KIOSK_V8_FLAGS)', () => {
  let kiosk: KioskProcess | undefined;
  afterEach(async () => {
    await kiosk?.stop();
    kiosk = undefined;
  });

  // The real `openbranch start --web` (main/cli/bin.mjs, as npm start and web-kiosk.sh run it; the
  // packaged Electron entry goes through the same CLI main()): after the start has generated the demo
  // catalogue and built the whole core, V8's new space is still its initial 2 x 1 MiB. Without the flag
  // the same start grows it to 16-32 MiB, all of it resident for the rest of the day.
  it('after the whole embedded-default start, new space is still its initial 2 MiB', async () => {
    kiosk = await startKioskProcess();
    const k = kiosk;
    await expect.poll(() => METRICS_LINE.test(k.output()), { timeout: 60_000, interval: 100 }).toBe(true);
    const url = METRICS_LINE.exec(k.output())![1]!;
    expect(await newSpaceBytes(url)).toBeLessThanOrEqual(2 * MiB);
  }, 90_000);
});
