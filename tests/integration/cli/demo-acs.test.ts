import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { type KioskProcess, startKioskProcess } from '../../e2e/kiosk-process.ts';
import { runCli } from '../../support/cli.ts';
import { BridgeClient } from '../app/bridge-client.ts';

/**
 * `openbranch demo acs`: the demo central system as a standalone SIP2
 * server, and a real kiosk process with `central: { kind: sip2 }` talking
 * to it exactly as it would to Koha.
 */
const BIN = resolve(import.meta.dirname, '../../../main/cli/bin.mjs');
const ANNA = { card: '23000000000017', pin: '1234' };

let acs: ChildProcess | undefined;
let kiosk: KioskProcess | undefined;
let bridge: BridgeClient | undefined;
afterEach(async () => {
  bridge?.close();
  await kiosk?.stop();
  if (acs && acs.exitCode === null && acs.signalCode === null) {
    const exited = new Promise((r) => acs!.once('exit', r));
    process.kill(-acs.pid!, 'SIGTERM');
    await exited;
  }
  bridge = kiosk = acs = undefined;
});

/** Starts `openbranch demo acs` in its own process group; resolves with the port from its "Demo ACS: host:port" line. */
function demoAcs(args: string[]): Promise<{ host: string; port: number; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'demo', 'acs', ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  acs = child;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let out = '';
  return new Promise((resolveLine, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /^Demo ACS: ([\d.]+):(\d+)$/m.exec(out);
      if (m) resolveLine({ host: m[1]!, port: Number(m[2]), exited });
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`demo acs exited with ${code}:\n${out}`)));
  });
}

describe('openbranch demo acs', () => {
  it('prints the real port for --port 0, and a kiosk on a sip2 config signs a patron in through it', async () => {
    const server = await demoAcs(['--port', '0']);
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    kiosk = await startKioskProcess({
      config: {
        central: {
          kind: 'sip2',
          host: server.host,
          port: server.port,
          user: DEMO_LOGIN.user,
          password: DEMO_LOGIN.password,
          institution: 'VAS',
        },
        devices: [],
        metrics: { enabled: false },
      },
    });
    const url = new URL(kiosk.url);
    bridge = await BridgeClient.connect(kiosk.port, url.searchParams.get('token')!);
    // The kiosk connects to the central system in the background: wait until its screen says it is connected.
    if (!bridge.received.some((m) => m.type === 'view' && m.view.central === 'online'))
      await bridge.next((m) => m.type === 'view' && m.view.central === 'online', 0, 60_000);
    await bridge.presentCard(ANNA.card);
    const menu = await bridge.typePin(ANNA.pin);
    expect(menu).toMatchObject({ screen: 'menu', data: { patronName: 'Anna' } });
    process.kill(-acs!.pid!, 'SIGTERM');
    expect(await server.exited).toBe(0);
  }, 120_000);

  it('a port that is taken stops it at once with the port and the option named', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = await runCli(['demo', 'acs', '--port', String(port)]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`Demo ACS: cannot listen on 127.0.0.1:${port} (EADDRINUSE); choose another with --port`);
    } finally {
      taken.close();
    }
  });
});
