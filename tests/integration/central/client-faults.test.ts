import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoAcs, startDemoAcs } from '../../../main/central/demo/acs-server.ts';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { Sip2Client } from '../../../main/central/sip2/client.ts';
import { Sip2Operations } from '../../../main/central/sip2/operations.ts';
import { kohaProfile } from '../../../main/central/sip2/profiles.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { patient } from '../../support/patience.ts';

let acs: DemoAcs;
let dir: string;
let tlsProxy: TlsServer;
let tlsPort: number;

beforeAll(async () => {
  acs = await startDemoAcs();
  // A TLS terminator in front of the demo ACS, like stunnel in front of Koha's SIP server.
  dir = mkdtempSync(join(tmpdir(), 'ob-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  tlsProxy = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (clear) => {
    const upstream = netConnect(acs.port, '127.0.0.1');
    clear.pipe(upstream).pipe(clear);
    clear.on('error', () => upstream.destroy());
    upstream.on('error', () => clear.destroy());
  });
  await new Promise<void>((r) => tlsProxy.listen(0, '127.0.0.1', () => r()));
  tlsPort = (tlsProxy.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((r) => tlsProxy.close(r));
  await acs.close();
  rmSync(dir, { recursive: true, force: true });
});

const client = (o: Partial<ConstructorParameters<typeof Sip2Client>[0]> = {}) =>
  new Sip2Client({
    host: '127.0.0.1',
    port: acs.port,
    user: DEMO_LOGIN.user,
    password: DEMO_LOGIN.password,
    institution: 'VAS',
    profile: kohaProfile,
    timeoutMs: patient(400), // answers that do come must not time out on a loaded machine
    logger: silentLogger,
    ...o,
  });

describe('SIP2 client under faults', () => {
  it('a silent ACS times out with a typed error, and the next request reconnects', async () => {
    const c = client();
    const ops = new Sip2Operations(c);
    await c.connect();
    acs.misbehave({ kind: 'silence' });
    await expect(ops.itemInformation('39000000000011')).rejects.toMatchObject({ code: 'sip2.timeout' });
    acs.misbehave({ kind: 'normal' });
    expect((await ops.itemInformation('39000000000011')).title).toBe('Pippi Långstrump');
    await c.close();
  });

  it('a slow ACS within the timeout is just slow', async () => {
    const c = client();
    acs.misbehave({ kind: 'delay', ms: 150 });
    expect((await new Sip2Operations(c).itemInformation('39000000000029')).title).toBe('Mio, min Mio');
    acs.misbehave({ kind: 'normal' });
    await c.close();
  });

  it('refuses a wrong login with a clear error', async () => {
    const c = client({ password: 'wrong', autoReconnect: false });
    await expect(c.connect()).rejects.toMatchObject({ code: 'sip2.login' });
    await c.close();
  });

  it('speaks TLS with a CA file, and refuses a server the CA did not sign', async () => {
    const ok = client({ port: tlsPort, tls: true, caFile: join(dir, 'cert.pem'), timeoutMs: patient(1000) });
    expect((await new Sip2Operations(ok).itemInformation('39000000000011')).title).toBe('Pippi Långstrump');
    await ok.close();
    const untrusted = client({ port: tlsPort, tls: true, timeoutMs: patient(1000), autoReconnect: false });
    await expect(untrusted.connect()).rejects.toMatchObject({ code: 'sip2.connect' });
    await untrusted.close();
  });
});
