import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConfigPermissions, warnAboutConfigPermissions } from '../../../main/security/config-permissions.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import type { Logger } from '../../../shared/logger.ts';

describe('config file permissions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ob-perm-'));
  const file = join(dir, "kiosk's.yaml");
  writeFileSync(file, 'central: {kind: demo}\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('owner and group read only: no finding', () => {
    chmodSync(file, 0o640);
    expect(checkConfigPermissions(file)).toEqual([]);
  });

  it('world-readable is a warning with the chmod that fixes it', () => {
    chmodSync(file, 0o644);
    expect(checkConfigPermissions(file)).toEqual([
      { code: 'config.world-readable', file, mode: '644', fix: `chmod o-rwx,g-w '${dir}/kiosk'\\''s.yaml'` },
    ]);
  });

  it('world- and group-writable are findings too', () => {
    chmodSync(file, 0o666);
    expect(checkConfigPermissions(file).map((f) => f.code)).toEqual([
      'config.world-readable',
      'config.world-writable',
      'config.group-writable',
    ]);
  });

  it('logs each finding as a warning with the fix', () => {
    chmodSync(file, 0o604);
    const warnings: unknown[] = [];
    const logger = { warn: (obj: unknown) => warnings.push(obj), child: () => logger } as unknown as Logger;
    warnAboutConfigPermissions(file, logger);
    expect(warnings).toEqual([expect.objectContaining({ code: 'config.world-readable', fix: expect.stringContaining('chmod o-rwx') })]);
  });

  it('skips the check on Windows (ACLs, set by install-kiosk.ps1)', () => {
    expect(checkConfigPermissions(file, { platform: 'win32', stat: () => ({ mode: 0o777 }) })).toEqual([]);
  });
});

describe('metrics config', () => {
  it('needs a token when reachable from the network', () => {
    expect(configSchema.safeParse({ metrics: { host: '0.0.0.0' } }).success).toBe(false);
    expect(configSchema.safeParse({ metrics: { host: '0.0.0.0', token: 'x'.repeat(24) } }).success).toBe(true);
    expect(configSchema.safeParse({ metrics: { host: '0.0.0.0', token: 'short' } }).success).toBe(false);
    expect(configSchema.parse({}).metrics).toEqual({ enabled: true, host: '127.0.0.1', port: 9464, allowedHosts: [] });
  });
});
