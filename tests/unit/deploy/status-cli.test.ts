import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { healthUrl } from '../../../main/cli/commands/status.ts';
import { createKioskMetrics } from '../../../main/metrics/registry.ts';
import { startMetricsServer } from '../../../main/metrics/server.ts';
import { silentLogger } from '../../../shared/logger.ts';

// `openbranch status --json` run as a real process against a real metrics endpoint.
const BIN = resolve(import.meta.dirname, '../../../main/cli/bin.mjs');
const TOKEN = 'status-cli-test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'ob-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function status(config: string, format: 'json' | 'text' = 'json'): Promise<{ code: number; out: string }> {
  const file = join(dir, `${Math.random()}.yaml`);
  writeFileSync(file, config, { mode: 0o600 });
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [
      BIN,
      'status',
      ...(format === 'json' ? ['--json'] : []),
      '--config',
      file,
    ]);
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

describe('openbranch status --json', () => {
  it('prints the running kiosk health and exits 1 while degraded, 0 when ok', async () => {
    const kiosk = createKioskMetrics({ version: '9.9.9', branch: 'ljungby', processMetrics: false });
    kiosk.metrics.deviceStatus({ id: 'pad', kind: 'rfid' }, { state: 'missing', since: new Date().toISOString() });
    kiosk.metrics.centralConnection(true);
    const server = await startMetricsServer({ source: kiosk, host: '127.0.0.1', port: 0, token: TOKEN, logger: silentLogger });
    try {
      const port = new URL(server.url).port;
      const config = `metrics:\n  host: 127.0.0.1\n  port: ${port}\n  token: ${TOKEN}\n`;
      const degraded = await status(config);
      expect(degraded.code).toBe(1);
      expect(JSON.parse(degraded.out)).toMatchObject({
        status: 'degraded',
        version: '9.9.9',
        branch: 'ljungby',
        devices: [{ id: 'pad', state: 'missing' }],
      });
      kiosk.metrics.deviceStatus({ id: 'pad', kind: 'rfid' }, { state: 'connected', since: new Date().toISOString() });
      const ok = await status(config);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.out).status).toBe('ok');
    } finally {
      await server.close();
    }
  });

  it('exits 3 when no kiosk answers', async () => {
    const res = await status('metrics:\n  port: 1\n');
    expect(res.code).toBe(3);
    expect(JSON.parse(res.out)).toMatchObject({ status: 'unreachable', url: 'http://127.0.0.1:1/health' });
  });

  it('says when simulated devices run outside demo mode (and counts that as degraded)', async () => {
    const kiosk = createKioskMetrics({
      version: '9.9.9',
      branch: 'ljungby',
      processMetrics: false,
      warnings: [{ code: 'config.simulated-device', devices: ['printer'] }],
    });
    kiosk.metrics.centralConnection(true);
    const server = await startMetricsServer({ source: kiosk, host: '127.0.0.1', port: 0, token: TOKEN, logger: silentLogger });
    try {
      const config = `metrics:\n  host: 127.0.0.1\n  port: ${new URL(server.url).port}\n  token: ${TOKEN}\n`;
      const text = await status(config, 'text');
      expect(text.code).toBe(1);
      expect(text.out).toContain('WARNING: simulated device(s) outside demo mode: printer (they drive no real hardware)');
      expect(JSON.parse((await status(config)).out)).toMatchObject({
        demo: false,
        warnings: [{ code: 'config.simulated-device', devices: ['printer'] }],
      });
    } finally {
      await server.close();
    }
  });

  it('asks a wildcard listener on loopback', () => {
    expect(healthUrl({ enabled: true, host: '0.0.0.0', port: 9464 })).toBe('http://127.0.0.1:9464/health');
    expect(healthUrl({ enabled: true, host: '::', port: 9464 })).toBe('http://[::1]:9464/health');
  });
});
