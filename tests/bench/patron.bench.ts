/**
 * `npm run bench -- patron`: what a patron waits for. In Chromium, from the
 * simulator's tag placement (the click on "Lägg på") to the item's line
 * showing its result in the kiosk's DOM, with the demo central system
 * answering in 50 ms; the target is the central system's answer time +
 * 100 ms. Beside it, measured in the same run: the central system's answer
 * time (a SIP2 checkout against a demo ACS at the same latency, from this
 * process) and the pad's detection time (placement to the line appearing,
 * before any answer). Both clocks are the machine's (Date.now in two tabs).
 */
import { chromium, type Page } from '@playwright/test';
import { DEMO_ITEMS } from '../../main/central/demo/data.ts';
import { connectCentral } from '../../main/central/index.ts';
import { configSchema } from '../../shared/config/schema.ts';
import { silentLogger } from '../../shared/logger.ts';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { DEMO, openKioskAndSimulator, present, typePin } from '../e2e/kiosk-pages.ts';
import { startKioskProcess } from '../e2e/kiosk-process.ts';
import { inventoryWire } from './inventory-wire.ts';
import { patronStages, STAGES } from './patron-stages.ts';
import { nowMs, percentile } from './stats.ts';

const LATENCY = 50;
type Line = { shown: number; result?: number; status?: string };
type Watched = Window & { benchLines: Record<string, Line>; placedAt: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const max = (xs: number[]) => Math.max(...xs);
const spread = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms, p95 ${percentile(xs, 95).toFixed(0)} ms, max ${max(xs).toFixed(0)} ms`;

/** The central system's answer time: SIP2 checkouts against a demo ACS at LATENCY, from this process. */
async function centralAnswerTimes(itemIds: readonly string[]): Promise<number[]> {
  const config = configSchema.parse({ central: { kind: 'demo', latencyMs: LATENCY, port: 0 } });
  const conn = await connectCentral(config, silentLogger);
  await conn.connect();
  const times: number[] = [];
  for (const itemId of itemIds) {
    const t = nowMs();
    await conn.central.checkout({ cardNumber: DEMO.anna, itemId });
    times.push(nowMs() - t);
  }
  await conn.close();
  return times;
}

/** In the kiosk tab: the time each item's line first appears and first shows a result. */
async function watchLines(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, { shown: number; result?: number; status?: string }> = {};
    (window as unknown as { benchLines: typeof seen }).benchLines = seen;
    new MutationObserver(() => {
      const now = Date.now();
      for (const li of document.querySelectorAll<HTMLElement>('li[data-item]')) {
        const id = li.dataset.item!;
        seen[id] ??= { shown: now };
        const entry = seen[id];
        const status = li.dataset.status ?? '';
        if (entry.result === undefined && status !== 'waiting' && status !== 'processing') {
          entry.result = now;
          entry.status = status;
        }
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  });
}

export default async function (): Promise<void> {
  const items = DEMO_ITEMS.filter((i) => i.parts === 1 && i.note.startsWith('Available')).map((i) => i.itemId);
  const central = await centralAnswerTimes(items);
  const kiosk = await startKioskProcess({ config: { demo: true, central: { kind: 'demo', latencyMs: LATENCY, port: 0 } } });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
    await present(sim, DEMO.anna);
    await screen.bringToFront();
    await typePin(screen, '1234');
    await screen.locator('.menu-grid .menu-button').first().click();
    await screen.locator('main.checkout').waitFor();
    await watchLines(screen);
    const visible: number[] = [];
    const detect: number[] = [];
    for (const itemId of items) {
      const button = sim.locator(`li[data-item="${itemId}"]`).getByRole('button', { name: 'Lägg på' });
      await button.evaluate((el) => el.addEventListener('click', () => ((window as unknown as Watched).placedAt = Date.now())));
      await button.click();
      const placedAt = await sim.evaluate(() => (window as unknown as Watched).placedAt);
      await screen.waitForFunction((id) => (window as unknown as Watched).benchLines[id]?.result !== undefined, itemId, {
        timeout: 20_000,
      });
      const line = await screen.evaluate((id) => (window as unknown as Watched).benchLines[id]!, itemId);
      visible.push((line.result ?? Number.NaN) - placedAt);
      detect.push(line.shown - placedAt);
      if (line.status !== 'done') console.log(`  ${itemId}: ${line.status}`);
    }
    const budget = median(central) + 100;
    console.log(
      `${items.length} items, demo central system at ${LATENCY} ms. Central answer time (SIP2 checkout, same run): ${spread(central)}`,
    );
    console.log(
      `  placement to line shown (inventory poll at the session pace, devices[].activePollIntervalMs, 40 ms by default; block read; screen): ${spread(detect)}`,
    );
    const answered = visible.map((v, i) => v - (detect[i] ?? 0));
    console.log(`  line shown to result (loan on disk, SIP2 checkout, AFI write and read-back, screen): ${spread(answered)}`);
    console.log(
      `  placement to result in the DOM: ${spread(visible)}; target <= ${budget.toFixed(0)} ms (central median + 100 ms): median ${median(visible) <= budget ? 'met' : 'NOT met'}, p95 ${percentile(visible, 95) <= budget ? 'met' : 'NOT met'}`,
    );
    const stages = await patronStages(LATENCY);
    console.log(`  the same in the kiosk core, stage by stage (${stages.length} items, medians; patron-stages.ts):`);
    console.log(`    ${STAGES.map((name, i) => `${name} ${median(stages.map((s) => s[i] ?? Number.NaN)).toFixed(1)} ms`).join(' | ')}`);
    console.log(`    placement to result: ${spread(stages.map((s) => s.reduce((a, b) => a + b, 0)))}`);
    for (const w of [...(await inventoryWire(1)), ...(await inventoryWire(10))])
      console.log(
        `  one inventory on a real ${w.reader} line (${w.line}), ${w.tags} tag(s): ${w.requestBytes} + ${w.answerBytes} bytes = ${w.ms.toFixed(1)} ms on the wire (plus the reader's RF time)`,
      );
  } finally {
    await browser.close();
    await kiosk.stop();
  }
}
