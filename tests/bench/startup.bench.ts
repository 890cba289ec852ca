/**
 * `npm run bench -- startup`: how fast the compiled `openbranch` answers and
 * the kiosk comes up, each beside its reference measured in the same run
 * (alternating rounds, medians of 5):
 * - a command line (`--help`, `door decide`, `sip2 decode`) against `node -e 0`;
 * - `openbranch start --web` to its printed URL against `node -e 0`;
 * - start to the attract screen drawn in Chromium against the same built page
 *   served by a bare sirv server (attract-screen.ts; `npm run bench -- attract` runs only that);
 * - idle memory (RSS with the attract screen open, once V8's memory reducer has run after
 *   the start: 25 s idle) against a bare node HTTP server idle as long, side by side.
 * Run `npm run build` first (the benchmark runs dist/ as a branch PC does).
 */
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { ATTRACT, attractScreen, LISTENING, startKiosk } from './attract-screen.ts';
import { compare, interleaved, median, repoRoot, rssParts, startServer, timeCommand } from './compare.ts';

const ROUNDS = 5;
const node = process.execPath;
const bin = join(repoRoot, 'main/cli/bin.mjs');
const LOGIN = '9300CNkiosk|COsecret|CPVAS|AY0AZ';

async function commandLines(): Promise<void> {
  const s = await interleaved(ROUNDS, {
    nodeE0: () => timeCommand([node, '-e', '0']),
    help: () => timeCommand([node, bin, '--help']),
    decide: () =>
      timeCommand([node, bin, 'door', 'decide', '--card', '23000000000017', '--pin', '1234', '--at', '2026-11-30T06:05:00+01:00']),
    decode: () => timeCommand([node, bin, 'sip2', 'decode', LOGIN]),
  });
  compare('openbranch --help', s.help, s.nodeE0, 3, 'ms', 'node -e 0');
  compare('openbranch door decide (demo central system over SIP2)', s.decide, s.nodeE0, 5, 'ms', 'node -e 0');
  compare('openbranch sip2 decode', s.decode, s.nodeE0, 5, 'ms', 'node -e 0');
}

async function kioskToUrl(): Promise<void> {
  const s = await interleaved(ROUNDS, {
    nodeE0: () => timeCommand([node, '-e', '0']),
    url: async () => {
      const kiosk = await startKiosk();
      await kiosk.stop();
      return kiosk.ms;
    },
  });
  compare('openbranch start --web to the printed URL', s.url, s.nodeE0, 5, 'ms', 'node -e 0');
}

const IDLE_MS = 25_000;

type Rss = Awaited<ReturnType<typeof rssParts>>;

/** RSS of the kiosk (attract screen open) and of a bare http server, both idle for IDLE_MS side by side. */
async function idleMemory(browser: Browser): Promise<{ kiosk: Rss; bare: Rss }> {
  const [kiosk, bare] = await Promise.all([startKiosk(), startServer([node, 'tests/bench/fixtures/bare-http.mjs'], LISTENING)]);
  const page = await browser.newPage();
  try {
    await page.goto(kiosk.match);
    await page.getByText(ATTRACT).first().waitFor();
    await fetch(bare.match);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return { kiosk: await rssParts(kiosk.child.pid!), bare: await rssParts(bare.child.pid!) };
  } finally {
    await page.close();
    await Promise.all([kiosk.stop(), bare.stop()]);
  }
}

async function attractAndMemory(): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const rss = { kiosk: [] as Rss[], bare: [] as Rss[] };
  try {
    await attractScreen(browser, ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const m = await idleMemory(browser);
      rss.kiosk.push(m.kiosk);
      rss.bare.push(m.bare);
    }
    const total = (r: Rss[]) => r.map((x) => x.total);
    compare(
      `idle RSS with the attract screen open (${IDLE_MS / 1000} s idle)`,
      total(rss.kiosk),
      total(rss.bare),
      1.8,
      'MB',
      'bare node http server',
    );
    // What the RSS is made of: private memory (V8 heap, malloc) and pages of mapped files (mostly the node binary itself).
    const parts = (r: Rss[]) =>
      `private ${median(r.map((x) => x.anon)).toFixed(1)} MB + files ${median(r.map((x) => x.file)).toFixed(1)} MB`;
    console.log(`  idle RSS, medians: kiosk ${parts(rss.kiosk)}; bare server ${parts(rss.bare)}`);
  } finally {
    await browser.close();
  }
}

export default async function (): Promise<void> {
  await commandLines();
  await kioskToUrl();
  await attractAndMemory();
}
