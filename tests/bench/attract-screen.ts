/**
 * Start to the attract screen drawn in Chromium, beside the same built page served by a bare sirv
 * server (its first drawn screen says the address has no key: the same bundle and first render as
 * the kiosk's, without the bridge behind it). Shared by `npm run bench -- startup` and `-- attract`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { compare, interleaved, median, repoRoot, type Started, startServer } from './compare.ts';
import { nowMs } from './stats.ts';

const node = process.execPath;
const bin = join(repoRoot, 'main/cli/bin.mjs');
const URL_LINE = /^OpenBranch kiosk: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m;
export const LISTENING = /^listening (http:\/\/127\.0\.0\.1:\d+\/)$/m;
export const ATTRACT = /Tryck för att börja/;

/** A kiosk on the embedded default (or the given config file) in a fresh OPENBRANCH_HOME, on ports the OS picks. */
export async function startKiosk(config?: string): Promise<Started & { home: string }> {
  const home = mkdtempSync(join(tmpdir(), 'ob-bench-start-'));
  const args = ['start', '--web', '--port', '0', '--metrics-port', '0', ...(config ? ['--config', config] : [])];
  const kiosk = await startServer([node, bin, ...args], URL_LINE, { OPENBRANCH_HOME: home });
  return {
    ...kiosk,
    home,
    stop: async () => {
      await kiosk.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** From spawn to the screen drawn in a fresh page; `whole` notes when the page first heard from the built kiosk. */
async function toScreen(browser: Browser, start: () => Promise<Started>, drawn: RegExp, whole?: number[]): Promise<number> {
  const started = nowMs();
  const server = await start();
  const page = await browser.newPage();
  // The simulator's state goes out only once the kiosk core is built (the start screen is served before it).
  const built = new Promise<number>((resolve) =>
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        if (String(payload).startsWith('{"type":"simulator"')) resolve(nowMs() - started);
      }),
    ),
  );
  try {
    await page.goto(server.match);
    await page.getByText(drawn).first().waitFor();
    const drawnMs = nowMs() - started;
    if (whole) whole.push(await built);
    return drawnMs;
  } finally {
    await page.close();
    await server.stop();
  }
}

/** The kiosk and the bare page in alternating rounds; prints the medians and their ratio. */
export async function attractScreen(browser: Browser, rounds: number): Promise<void> {
  const renderer = join(repoRoot, 'dist', 'renderer');
  const whole: number[] = [];
  const s = await interleaved(rounds, {
    page: () =>
      toScreen(
        browser,
        () => startServer([node, 'tests/bench/fixtures/bare-sirv.mjs', renderer], LISTENING),
        /Startar…|Automaten kan inte visas/,
      ),
    kiosk: () => toScreen(browser, () => startKiosk(), ATTRACT, whole),
  });
  compare('start to the attract screen in Chromium', s.kiosk, s.page, 1.5, 'ms', 'the same page from bare sirv');
  // The start screen is served before the core is built; a tap meanwhile waits in the bridge hub until then.
  console.log(`  the page heard from the built kiosk core (taps act from then on): median ${median(whole).toFixed(0)} ms after spawn`);
}
