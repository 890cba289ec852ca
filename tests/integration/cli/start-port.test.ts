import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';

const home = mkdtempSync(join(tmpdir(), 'ob-start-port-'));
let blocker: Server | undefined;
afterAll(async () => {
  await new Promise((r) => (blocker ? blocker.close(r) : r(undefined)));
  rmSync(home, { recursive: true, force: true });
});

/** A port some other program holds on 127.0.0.1 (port 0: the OS picks a free one). */
async function takenPort(): Promise<number> {
  blocker = createServer();
  await new Promise<void>((r) => blocker!.listen(0, '127.0.0.1', r));
  const address = blocker.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('openbranch start on a port that is taken', () => {
  it('stops at once with exit 75 (EX_TEMPFAIL: systemd tries again), naming the port and where it was set, and starts nothing', async () => {
    const port = await takenPort();
    const env = { OPENBRANCH_HOME: home };

    const byFlag = await runCli(['start', '--web', '--port', String(port), '--metrics-port', '0'], { env, killAfterMs: 15_000 });
    expect(byFlag.status).toBe(75);
    expect(byFlag.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(byFlag.stderr).toContain('--port');
    expect(byFlag.stdout).not.toContain('OpenBranch kiosk:');

    const config = join(home, 'config.yaml');
    writeFileSync(config, `web:\n  port: ${port}\nmetrics:\n  enabled: false\n`, { mode: 0o600 });
    const byConfig = await runCli(['start', '--web', '--config', config], { env, killAfterMs: 15_000 });
    expect(byConfig.status).toBe(75);
    expect(byConfig.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(byConfig.stderr).toContain('web.port in the config');
  });
});
