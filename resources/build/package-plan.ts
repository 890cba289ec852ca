import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Pure pieces of `npm run package`, kept apart so tests can check them without a network. */

export type BuildPlatform = 'linux' | 'win32' | 'darwin';

export function builderArgs(platform: NodeJS.Platform, arch: string): string[] {
  const flag = platform === 'linux' ? '--linux' : platform === 'win32' ? '--win' : undefined;
  if (flag === undefined) throw new Error(`packaging is set up for Linux and Windows, not ${platform}`);
  if (arch !== 'x64' && arch !== 'arm64') throw new Error(`no package target for ${arch}`);
  if (platform === 'win32' && arch !== 'x64') throw new Error('Windows packages are built for x64 only');
  return ['--config', 'electron-builder.yml', flag, `--${arch}`, '--publish', 'never'];
}

/** Electron's Node module ABI, from the electron package (abi_version, e.g. 150 for Electron 45). */
export function electronAbi(root: string): number {
  return Number.parseInt(readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim(), 10);
}

/**
 * A V8-ABI native module built for Electron exports node_register_module_v<ABI>.
 * `~/.npmrc` with nodedir=/usr silently builds against Node's headers instead;
 * this check catches that before a package ships a module Electron cannot load.
 */
export function hasAbiSymbol(nmOutput: string, abi: number): boolean {
  return new RegExp(`\\bnode_register_module_v${abi}\\b`).test(nmOutput);
}

export function electronZipName(version: string, platform: NodeJS.Platform, arch: string): string {
  return `electron-v${version}-${platform}-${arch}.zip`;
}

export function electronZipUrl(version: string, platform: NodeJS.Platform, arch: string, env: NodeJS.ProcessEnv = process.env): string {
  const mirror = env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const dir = env.ELECTRON_CUSTOM_DIR?.replace('{{ version }}', version) ?? `v${version}`;
  return `${mirror.endsWith('/') ? mirror : `${mirror}/`}${dir}/${electronZipName(version, platform, arch)}`;
}

/** The Electron cache @electron/get and electron-builder read (ELECTRON_CACHE or the OS default). */
export function electronCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ELECTRON_CACHE) return env.ELECTRON_CACHE;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

/** True when the zip is already in the cache (top level or one hashed folder down). */
export function cachedElectronZip(cacheDir: string, zipName: string): boolean {
  if (!existsSync(cacheDir)) return false;
  if (existsSync(join(cacheDir, zipName))) return true;
  return readdirSync(cacheDir, { withFileTypes: true }).some((d) => d.isDirectory() && existsSync(join(cacheDir, d.name, zipName)));
}

export class PackagingError extends Error {
  override readonly name = 'PackagingError';
}

export function downloadFailureMessage(version: string, url: string, reason: string, cacheDir: string): string {
  return [
    `Electron ${version} cannot be downloaded from ${url} (${reason}).`,
    'npm run package needs a build machine that can reach github.com (the Electron zip) and',
    'electronjs.org/headers (to rebuild better-sqlite3 for Electron). Alternatives: set ELECTRON_MIRROR',
    `to a reachable mirror, or put the zip into ${cacheDir}. Nothing was changed.`,
  ].join('\n');
}
