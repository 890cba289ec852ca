// electron-builder afterPack hook: flips the Electron fuses of the packed binary
// before it is signed and wrapped into AppImage / deb / NSIS.
import { join } from 'node:path';
import fuses from '@electron/fuses';
import { fuseConfig } from './fuses.mjs';

/** Path of the Electron binary inside electron-builder's unpacked app folder. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const binary = electronBinaryPath(context);
  // flipFuses throws when the binary has no fuse wire, which fails the build.
  await fuses.flipFuses(binary, fuseConfig(context.electronPlatformName));
}
