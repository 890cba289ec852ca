import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { IdleScreens } from '../../../main/app/idle-screens.ts';
import { KioskShell } from '../../../main/app/kiosk-shell.ts';
import { startWebHost, type WebHost } from '../../../main/hosts/web/server.ts';
import { BridgeHub } from '../../../main/hub/bridge-hub.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import type { MainMessage } from '../../../shared/contract/bridge.ts';
import { silentLogger } from '../../../shared/logger.ts';

let host: WebHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ob-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
  const config = configSchema.parse({});
  const shell = new KioskShell({ config, logger: silentLogger, screens: new IdleScreens(60, 10) });
  host = await startWebHost({ hub: new BridgeHub(shell, silentLogger), rendererDir, port: 0, logger: silentLogger });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw HTTP GET (no URL normalisation by the client, so traversal attempts reach the server as written). */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(
  query: string,
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; first: Promise<MainMessage> } | { refused: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge${query}`, { headers });
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', () => undefined);
    ws.once('open', () => {
      const first = new Promise<MainMessage>((r) => ws.once('message', (d) => r(JSON.parse(d.toString()) as MainMessage)));
      resolve({ ws, first });
    });
  });
}

describe('web host', () => {
  it('serves the renderer with a strict CSP and security headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>kiosk</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt'])(
    'refuses path traversal: %s',
    async (path) => {
      const res = await get(path);
      expect(res.body).not.toContain('TOP-SECRET');
    },
  );

  it('lists no directory', async () => {
    const res = await get('/assets/');
    expect(res.body).not.toContain('app.js');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${host.port}` })).status).toBe(421);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', method: 'POST' }, (r) => resolve(r.statusCode ?? 0));
      req.end('x');
    });
    expect(res).toBe(405);
  });

  it('listens on loopback only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return expect(host.url.startsWith('http://127.0.0.1:')).toBe(true);
    const reached = await new Promise<boolean>((resolve) => {
      const req = request({ host: external.address, port: host.port, path: '/', timeout: 1000 }, () => resolve(true));
      req.on('error', () => resolve(false));
      req.on('timeout', () => {
        req.destroy();
        resolve(false);
      });
      req.end();
    });
    expect(reached).toBe(false);
  });

  it('opens the bridge with the right token and sends the view', async () => {
    const socket = await openSocket(`?token=${host.token}`);
    if ('refused' in socket) throw new Error(`refused ${socket.refused}`);
    socket.ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
    expect(await socket.first).toMatchObject({ type: 'view', view: { screen: 'attract' } });
    socket.ws.close();
  });

  it.each([
    ['no token', ''],
    ['a wrong token', '?token=wrong'],
    ['a token of the right length but wrong', `?token=${'x'.repeat(32)}`],
  ])('refuses the bridge with %s', async (_, query) => {
    expect(await openSocket(query)).toEqual({ refused: 403 });
  });

  it('refuses the bridge from a foreign page (Origin)', async () => {
    expect(await openSocket(`?token=${host.token}`, { origin: 'http://evil.example' })).toEqual({ refused: 403 });
  });

  it('uses a new random token on every start', async () => {
    const other = await startWebHost({
      hub: new BridgeHub(
        new KioskShell({ config: configSchema.parse({}), logger: silentLogger, screens: new IdleScreens(60, 10) }),
        silentLogger,
      ),
      rendererDir: join(dir, 'renderer'),
      port: 0,
      logger: silentLogger,
    });
    expect(other.token).not.toBe(host.token);
    expect(other.token.length).toBeGreaterThanOrEqual(32);
    await other.close();
  });
});
