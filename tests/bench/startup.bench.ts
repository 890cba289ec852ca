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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { DEMO_LOGIN } from '../../main/central/demo/data.ts';
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
async function idleMemory(browser: Browser, config?: string): Promise<{ kiosk: Rss; bare: Rss }> {
  const [kiosk, bare] = await Promise.all([startKiosk(config), startServer([node, 'tests/bench/fixtures/bare-http.mjs'], LISTENING)]);
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

/**
 * A config for the kiosk as a branch runs it: the central system (here the demo one, `openbranch demo acs`)
 * in a process of its own, as Koha is on its own server; simulated devices as on the embedded default.
 */
async function deployedShape(): Promise<{ config: string; stop(): Promise<void> }> {
  // Both lines, the SIP2 address first: the match is the whole text from one to the other.
  const acs = await startServer(
    [node, bin, 'demo', 'acs', '--port', '0', '--http-port', '0'],
    /Demo ACS: [\d.]+:\d+[\s\S]*Demo OAI-PMH: \S+/,
  );
  const [, host, port, oaiUrl] = /Demo ACS: ([\d.]+):(\d+)[\s\S]*Demo OAI-PMH: (\S+)/.exec(acs.match)!;
  const dir = mkdtempSync(join(tmpdir(), 'ob-bench-deployed-'));
  const config = join(dir, 'kiosk.yaml');
  const { user, password, institution } = DEMO_LOGIN;
  writeFileSync(
    config,
    `demo: true\ncentral: { kind: sip2, host: "${host}", port: ${port}, user: ${user}, password: ${password}, institution: ${institution} }\ncatalog: { oaiUrl: "${oaiUrl}" }\n`,
    { mode: 0o600 },
  );
  return {
    config,
    stop: async () => {
      await acs.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function attractAndMemory(): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const rss = { kiosk: [] as Rss[], bare: [] as Rss[], deployed: [] as Rss[] };
  const deployed = await deployedShape();
  try {
    await attractScreen(browser, ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const m = await idleMemory(browser);
      rss.kiosk.push(m.kiosk);
      rss.bare.push(m.bare);
      rss.deployed.push((await idleMemory(browser, deployed.config)).kiosk);
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
    // The embedded default starts its demo central system itself (a child process); here it is one the kiosk did not start.
    compare(
      `idle RSS as a branch runs it (central system in a process the kiosk did not start, ${IDLE_MS / 1000} s idle)`,
      total(rss.deployed),
      total(rss.bare),
      1.8,
      'MB',
      'bare node http server',
    );
    console.log(`  idle RSS, medians: kiosk as a branch runs it ${parts(rss.deployed)}`);
  } finally {
    await browser.close();
    await deployed.stop();
  }
}

export default async function (): Promise<void> {
  await commandLines();
  await kioskToUrl();
  await attractAndMemory();
}
