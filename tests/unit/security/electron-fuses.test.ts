import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fuses from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import afterPack, { electronBinaryPath } from '../../../resources/build/after-pack.mjs';

const { FuseV1Options, getCurrentFuseWire } = fuses;

// Checklist: "Electron fuses". The real afterPack hook runs against a file
// laid out like an Electron binary's fuse wire: the sentinel
// "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX", version byte 1, length, then one
// '0'/'1' per fuse (format from @electron/fuses and electron/build/fuses/build.py).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped defaults for wire v1: RunAsNode on, cookie encryption off,
// NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, v8 snapshot off.
const SHIPPED = '1011000';
const ON = 49;
const OFF = 48;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function fakeApp(platform: 'linux' | 'win32') {
  dir = mkdtempSync(join(tmpdir(), 'ob-fuses-'));
  const context = {
    appOutDir: dir,
    electronPlatformName: platform,
    packager: { executableName: 'openbranch', appInfo: { productFilename: 'OpenBranch' } },
  };
  const binary = Buffer.concat([
    Buffer.from('\x7fELF padding '),
    Buffer.from(SENTINEL),
    Buffer.from([1, SHIPPED.length]),
    Buffer.from(SHIPPED),
    Buffer.from(' tail'),
  ]);
  writeFileSync(electronBinaryPath(context), binary);
  return { context, binary: electronBinaryPath(context) };
}

describe('afterPack fuses', () => {
  it.each(['linux', 'win32'] as const)('%s: flips every fuse the kiosk needs', async (platform) => {
    const { context, binary } = fakeApp(platform);
    await afterPack(context);
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
  });

  it('names the binary the way electron-builder lays it out', () => {
    const packager = { executableName: 'openbranch', appInfo: { productFilename: 'OpenBranch' } };
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe('/o/openbranch');
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe('/o/OpenBranch.exe');
  });

  it('fails the build when the binary has no fuse wire', async () => {
    const { context, binary } = fakeApp('linux');
    writeFileSync(binary, 'not electron');
    await expect(afterPack(context)).rejects.toThrow(/sentinel/i);
  });
});
