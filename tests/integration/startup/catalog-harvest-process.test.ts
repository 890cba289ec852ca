import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type KioskProcess, startKioskProcess } from '../../e2e/kiosk-process.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');

describe('the compiled kiosk harvests its catalogue in a child process (dist/main/catalog/harvest-child.js)', () => {
  let kiosk: KioskProcess | undefined;
  afterEach(async () => {
    await kiosk?.stop();
    kiosk = undefined;
  });

  it('finds its compiled module: the embedded demo catalogue arrives in the catalogue file', async () => {
    kiosk = await startKioskProcess({ config: { demo: true, catalog: { schedule: { startDelaySeconds: 0 } } } });
    const k = kiosk;
    const status = async () => {
      const { stdout } = await run(
        process.execPath,
        ['main/cli/bin.mjs', 'catalog', 'status', '--json', '--config', join(k.home, 'config.yaml')],
        {
          cwd: root,
          env: { ...process.env, OPENBRANCH_HOME: k.home },
        },
      );
      return JSON.parse(stdout) as { records: number; lastResult: string | null };
    };
    // 2,058 records through OAI-PMH take ~5 s alone; a loaded CI machine running other kiosks beside it, many times that.
    await expect.poll(async () => (await status()).records, { timeout: 180_000, interval: 500 }).toBeGreaterThan(2000);
    expect((await status()).lastResult).toBe('ok');
  }, 240_000);
});
