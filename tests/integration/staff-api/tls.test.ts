import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpsLog } from '../../../main/door/ops-log.ts';
import { noopMetrics } from '../../../main/metrics/kiosk-metrics.ts';
import { hashToken } from '../../../main/staff-api/auth.ts';
import { staffRequest } from '../../../main/staff-api/client.ts';
import { staffRoutes } from '../../../main/staff-api/routes.ts';
import { type StaffApiServer, startStaffApi } from '../../../main/staff-api/server.ts';
import type { StaffDoor, StaffStatus } from '../../../main/staff-api/staff-door.ts';
import { openDatabase } from '../../../main/storage/database.ts';
import { staffApiSchema } from '../../../shared/config/staff-api.ts';
import { silentLogger } from '../../../shared/logger.ts';

/**
 * The staff API over TLS with a region CA (openssl makes one per run): a
 * person identified by their client certificate's CN, another by token; a
 * certificate the CA did not sign identifies nobody.
 */
const openssl = (dir: string, ...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A self-signed CA: `<name>.crt` and `<name>.key`. */
const selfSignedCa = (dir: string, name: string, cn: string) =>
  openssl(dir, ...`req -x509 -newkey rsa:2048 -nodes -days 1 -keyout ${name}.key -out ${name}.crt -subj`.split(' '), `/CN=${cn}`);

/** A key and a certificate for `cn`, signed by the CA `ca`, with the extensions in `ext`. */
function signed(dir: string, name: string, cn: string, ext: string, ca = 'ca'): void {
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(dir, ...`req -newkey rsa:2048 -nodes -keyout ${name}.key -out ${name}.csr -subj`.split(' '), `/CN=${cn}`);
  openssl(
    dir,
    ...`x509 -req -in ${name}.csr -CA ${ca}.crt -CAkey ${ca}.key -CAcreateserial -days 1 -extfile ${name}.ext -out ${name}.crt`.split(' '),
  );
}

function makePki(dir: string): void {
  selfSignedCa(dir, 'ca', 'Region CA');
  signed(dir, 'server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  signed(dir, 'karin', 'karin.lindberg', 'extendedKeyUsage=clientAuth\n');
  selfSignedCa(dir, 'other', 'Other CA');
  signed(dir, 'mallory', 'karin.lindberg', 'extendedKeyUsage=clientAuth\n', 'other');
}

describe('staff API over TLS with client certificates', () => {
  let dir: string;
  let server: StaffApiServer;
  const unlocked: number[] = [];
  const status = { branch: 'VAS', mode: 'unstaffed', lockdown: null, occupancy: 0, lockup: 'open' } as unknown as StaffStatus;
  const door: StaffDoor = { status: () => status, unlock: (ms) => void unlocked.push(ms), lockdown: () => {}, clearAlarm: () => {} };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ob-staff-tls-'));
    makePki(dir);
    const config = staffApiSchema.parse({
      enabled: true,
      host: '127.0.0.1',
      port: 0,
      tls: { cert: join(dir, 'server.crt'), key: join(dir, 'server.key'), clientCa: join(dir, 'ca.crt') },
      staff: [
        { name: 'Karin Lindberg (jour)', certificateCn: 'karin.lindberg' },
        { name: 'Ola (jour)', tokenHash: hashToken('olas-own-token-0123456789abcdef') },
      ],
    });
    const ops = new OpsLog(openDatabase(':memory:'));
    const handle = staffRoutes({ door, ops, metrics: noopMetrics, logger: silentLogger, maxUnlockSeconds: 15 });
    server = await startStaffApi({ config, handle, logger: silentLogger });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = (o: { cert?: string; token?: string }) => ({
    url: server.url,
    ca: join(dir, 'ca.crt'),
    ...(o.cert ? { cert: join(dir, `${o.cert}.crt`), key: join(dir, `${o.cert}.key`) } : {}),
    ...(o.token ? { token: o.token } : {}),
  });

  it('is served over https and identifies a person by the client certificate the region CA signed', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await staffRequest(as({ cert: 'karin' }), 'POST', 'v1/unlock', { seconds: 4, reason: 'Patron locked out' });
    expect(r.status).toBe(200);
    expect(unlocked).toEqual([4000]);
  });

  it('takes a token over TLS as well, and refuses a certificate from another CA with the same CN', async () => {
    expect((await staffRequest(as({ token: 'olas-own-token-0123456789abcdef' }), 'GET', 'v1/status')).status).toBe(200);
    expect((await staffRequest(as({ cert: 'mallory' }), 'POST', 'v1/unlock', { seconds: 4, reason: 'x y z' })).status).toBe(401);
    expect((await staffRequest(as({}), 'GET', 'v1/status')).status).toBe(401);
    expect(unlocked).toEqual([4000]);
  });

  it('a staff API reachable from the network without TLS is refused at config load', () => {
    const r = staffApiSchema.safeParse({ enabled: true, host: '0.0.0.0', staff: [{ name: 'x', tokenHash: hashToken('t') }] });
    expect(r.success).toBe(false);
  });
});
