import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startKioskProcess } from '../../e2e/kiosk-process.ts';
import { groupAlive } from '../../support/process-alive.ts';

describe('the end-to-end harness kills what it started', () => {
  it('runs the kiosk on OS-chosen ports in its own process group and leaves nothing of it after stop()', async () => {
    const kiosk = await startKioskProcess();
    try {
      expect(kiosk.port).toBeGreaterThan(0);
      expect(kiosk.url).toContain(`127.0.0.1:${kiosk.port}/`);
      expect(groupAlive(kiosk.pid)).toBe(true);
    } finally {
      await kiosk.stop();
    }
    expect(groupAlive(kiosk.pid)).toBe(false);
  });

  it('says why when the kiosk stops before it is up', async () => {
    const started = startKioskProcess({ config: { polices: {} } });
    await expect(started).rejects.toThrow(/kiosk exited with 78:[\s\S]*polices/);
  });

  it('kills the whole group of a kiosk that hangs before printing its URL', async () => {
    const hang = join(import.meta.dirname, 'fixtures', 'hang-before-start.mjs');
    const started = startKioskProcess({ env: { NODE_OPTIONS: `--import=${hang}` }, startPatienceMs: 3000 });
    const error = await started.catch((e: Error) => e);
    expect(String(error)).toMatch(/printed no URL within 3000 ms/);
    const pid = Number(/pid (\d+)/.exec(String(error))?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(groupAlive(pid)).toBe(false);
  });
});
