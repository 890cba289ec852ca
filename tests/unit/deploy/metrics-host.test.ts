import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createKioskMetrics } from '../../../main/metrics/registry.ts';
import { type MetricsServer, startMetricsServer } from '../../../main/metrics/server.ts';
import { silentLogger } from '../../../shared/logger.ts';

/**
 * Finding 8: /metrics had no Host check. A web page the kiosk's own
 * Chromium opens could point a name it controls at 127.0.0.1 (DNS
 * rebinding) and read /metrics and /health. The endpoint answers only to
 * its own names, like the web host: anything else gets 421.
 */
let server: MetricsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TOKEN = 'a-long-random-token-for-prometheus-0001';
const source = () => createKioskMetrics({ version: '1.2.3', branch: 'vas', processMetrics: false });

/** GET with a chosen Host header (fetch may not set one), over loopback. */
function get(port: number, path: string, host: string, token?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('metrics endpoint: Host check', () => {
  it('on loopback: its own names only; a rebound name gets 421 even with the token', async () => {
    server = await startMetricsServer({ source: source(), host: '127.0.0.1', port: 0, token: TOKEN, logger: silentLogger });
    const port = Number(new URL(server.url).port);
    for (const path of ['/metrics', '/health']) {
      expect(await get(port, path, `evil.example:${port}`, TOKEN)).toBe(421);
      expect(await get(port, path, `127.0.0.1:${port}`, TOKEN)).toBe(200);
      expect(await get(port, path, `localhost:${port}`, TOKEN)).toBe(200);
    }
    expect(await get(port, '/metrics', `127.0.0.1:${port + 1}`, TOKEN)).toBe(421);
  });

  it("on all interfaces: this machine's addresses and the names Prometheus scrapes it by", async () => {
    server = await startMetricsServer({
      source: source(),
      host: '0.0.0.0',
      port: 0,
      token: TOKEN,
      allowedHosts: ['kiosk-vas-1.region.example'],
      logger: silentLogger,
    });
    const port = Number(new URL(server.url).port);
    expect(await get(port, '/metrics', `kiosk-vas-1.region.example:${port}`, TOKEN)).toBe(200);
    expect(await get(port, '/metrics', `KIOSK-VAS-1.region.example:${port}`, TOKEN)).toBe(200);
    const own = Object.values(networkInterfaces())
      .flatMap((l) => l ?? [])
      .find((a) => a.family === 'IPv4' && !a.internal)?.address;
    if (own) expect(await get(port, '/metrics', `${own}:${port}`, TOKEN)).toBe(200);
    expect(await get(port, '/metrics', `kiosk-vas-2.region.example:${port}`, TOKEN)).toBe(421);
    expect(await get(port, '/health', `evil.example:${port}`, TOKEN)).toBe(421);
  });
});
