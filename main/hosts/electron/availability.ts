import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron binary of the installed `electron` package is, or
 * undefined when it was never downloaded. Reads the package's path.txt and
 * checks dist/ itself: `require('electron')` from Node would try to download.
 * `openbranch start` uses this to choose between Electron and the web host.
 */
export function findElectronBinary(packageDir = electronPackageDir()): string | undefined {
  if (packageDir === undefined) return undefined;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}
