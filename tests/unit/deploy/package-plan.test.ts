import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builderArgs,
  cachedElectronZip,
  downloadFailureMessage,
  electronAbi,
  electronZipUrl,
  hasAbiSymbol,
} from '../../../resources/build/package-plan.ts';

describe('npm run package plan', () => {
  it('builds the targets of this platform only', () => {
    expect(builderArgs('linux', 'x64')).toEqual(['--config', 'electron-builder.yml', '--linux', '--x64', '--publish', 'never']);
    expect(builderArgs('linux', 'arm64')).toContain('--arm64');
    expect(builderArgs('win32', 'x64')).toContain('--win');
    expect(() => builderArgs('win32', 'arm64')).toThrow(/x64 only/);
    expect(() => builderArgs('darwin', 'arm64')).toThrow(/not darwin/);
  });

  it("knows Electron 45's ABI and spots a module built for Node's (CONTRIBUTING.md)", () => {
    const abi = electronAbi(resolve(import.meta.dirname, '../../..'));
    expect(abi).toBe(150);
    // nm -D output of a module built for Node 20 (ABI 115) and for Electron 45 (ABI 150).
    expect(hasAbiSymbol('0000000000012340 T node_register_module_v115\n', abi)).toBe(false);
    expect(hasAbiSymbol('0000000000012340 T node_register_module_v150\n', abi)).toBe(true);
    expect(hasAbiSymbol('0000000000012340 T node_register_module_v1500\n', abi)).toBe(false);
  });

  it('downloads from GitHub or ELECTRON_MIRROR', () => {
    expect(electronZipUrl('45.5.0', 'linux', 'x64', {})).toBe(
      'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip',
    );
    expect(electronZipUrl('45.5.0', 'win32', 'x64', { ELECTRON_MIRROR: 'https://mirror.example/electron' })).toBe(
      'https://mirror.example/electron/v45.5.0/electron-v45.5.0-win32-x64.zip',
    );
  });

  describe('cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ob-ecache-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('finds a cached zip in a hashed folder', () => {
      expect(cachedElectronZip(dir, 'electron-v45.5.0-linux-x64.zip')).toBe(false);
      mkdirSync(join(dir, 'abc123'));
      writeFileSync(join(dir, 'abc123', 'electron-v45.5.0-linux-x64.zip'), '');
      expect(cachedElectronZip(dir, 'electron-v45.5.0-linux-x64.zip')).toBe(true);
      expect(cachedElectronZip(join(dir, 'missing'), 'x.zip')).toBe(false);
    });
  });

  it('says what a build machine needs when Electron cannot be had', () => {
    const msg = downloadFailureMessage('45.5.0', 'https://x/e.zip', 'getaddrinfo ENOTFOUND github.com', '/c');
    expect(msg).toContain('Electron 45.5.0 cannot be downloaded');
    expect(msg).toContain('ELECTRON_MIRROR');
    expect(msg).toContain('Nothing was changed');
  });
});
