import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleScreens } from '../../../main/app/idle-screens.ts';
import { KioskShell } from '../../../main/app/kiosk-shell.ts';
import { startWebHost, type WebHost } from '../../../main/hosts/web/server.ts';
import { BridgeHub } from '../../../main/hub/bridge-hub.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';

const HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-1.js"></script>
<link rel="modulepreload" crossorigin href="./assets/App-2.js">
<link rel="preload" as="style" crossorigin href="./assets/App-3.css">
</head><body><div id="root"></div></body></html>`;

let host: WebHost | undefined;
let dir: string | undefined;
afterEach(async () => {
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<WebHost> {
  dir = mkdtempSync(join(tmpdir(), 'ob-page-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), HTML);
  for (const f of ['index-1.js', 'App-2.js', 'App-3.css', 'other-4.js']) writeFileSync(join(rendererDir, 'assets', f), '/* */');
  const shell = new KioskShell({ config: configSchema.parse({}), logger: silentLogger, screens: new IdleScreens(60, 10) });
  host = await startWebHost({ hub: new BridgeHub(shell, silentLogger), rendererDir, port: 0, logger: silentLogger });
  return host;
}

/** Whether the promise has settled by the time everything already queued has run. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((r) => setImmediate(r));
  return done;
}

// The kiosk builds its core once a page has its files (start.ts): the host says when the HTML and every file it names went out.
describe('the web host says when a page has been sent all its first files', () => {
  it('only after the HTML and each file it names, whichever order, and not for other files or refusals', async () => {
    const h = await start();
    const get = (path: string) => fetch(`http://127.0.0.1:${h.port}${path}`).then((r) => r.text());
    for (const path of ['/assets/App-3.css', '/assets/other-4.js', '/assets/nothing-5.js', '/assets/index-1.js', '/assets/App-2.js'])
      await get(path);
    // One more round trip: the files above have surely been marked by now.
    await get('/assets/other-4.js');
    expect(await settled(h.pageServed)).toBe(false);
    await get(`/?token=${h.token}`);
    await h.pageServed;
  });

  it('the door and technician pages are the same HTML and count as it', async () => {
    const h = await start();
    for (const path of ['/door', '/assets/index-1.js', '/assets/App-2.js', '/assets/App-3.css'])
      await fetch(`http://127.0.0.1:${h.port}${path}`).then((r) => r.text());
    await h.pageServed;
  });
});
