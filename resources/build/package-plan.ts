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

type Version = readonly [number, number, number];
const parseVersion = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v
    .replace(/^v/, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
  return [a, b, c];
};
const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** One comparator of an npm engines range ("^20", ">= 14.15.0", "22.x", "*") as [lowest allowed, first not allowed). */
function bounds(comparator: string): [Version, Version | undefined] {
  const m = /^(>=|<=|>|<|=|\^|~)?\s*v?([\dx*]+(?:\.[\dx*]+){0,2})$/.exec(comparator.trim());
  if (!m) throw new Error(`engines range not understood: ${comparator}`);
  const [, op = '', raw = '*'] = m;
  const parts = raw.split('.');
  const wild = parts.findIndex((p) => p === 'x' || p === '*');
  const v = parseVersion(raw);
  const next = (level: number): Version => (level === 0 ? [v[0] + 1, 0, 0] : level === 1 ? [v[0], v[1] + 1, 0] : [v[0], v[1], v[2] + 1]);
  if (op === '>=') return [v, undefined];
  if (op === '>') return [next(wild >= 0 ? wild - 1 : 2), undefined];
  if (op === '<') return [[0, 0, 0], v];
  if (op === '<=') return [[0, 0, 0], next(wild >= 0 ? wild - 1 : 2)];
  if (op === '^') return [v, next(v[0] > 0 || parts.length === 1 ? 0 : 1)];
  if (op === '~') return [v, next(parts.length === 1 ? 0 : 1)];
  if (wild === 0) return [[0, 0, 0], undefined];
  if (wild > 0 || parts.length < 3) return [v, next((wild > 0 ? wild : parts.length) - 1)];
  return [v, next(2)];
}

/** Whether a Node version meets an npm `engines.node` range (the forms npm packages use). */
export function satisfiesNode(version: string, range: string): boolean {
  const v = parseVersion(version);
  return range.split('||').some((alternative) => {
    const comparators = alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    return comparators.every((c) => {
      const [low, high] = bounds(c);
      return cmp(v, low) >= 0 && (high === undefined || cmp(v, high) < 0);
    });
  });
}

/** Electron's packaging tools and the Node they declare they need (Electron 45's: Node 22.12 and newer). */
export const PACKAGING_TOOLS = ['electron', '@electron/rebuild', '@electron/get'] as const;

/**
 * Why this Node cannot run `npm run package`, or undefined when it can. The
 * kiosk itself runs on Node 20; only Electron's packaging tools need a newer
 * Node, and they say so in their engines fields.
 */
export function packagingNodeProblem(nodeVersion: string, root: string): string | undefined {
  const refusing = PACKAGING_TOOLS.flatMap((name) => {
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
      engines?: { node?: string };
    };
    const range = pkg.engines?.node;
    return range && !satisfiesNode(nodeVersion, range) ? [`${name} ${pkg.version} needs Node ${range.replace(/\s+/g, '')}`] : [];
  });
  if (refusing.length === 0) return undefined;
  return [
    `npm run package needs a newer Node than this one (${nodeVersion}): ${refusing.join('; ')}.`,
    'The kiosk itself runs on Node 20; only building the Electron packages needs the newer Node.',
    'Run npm run package on a build machine with Node 22.12 or newer. Nothing was changed.',
  ].join('\n');
}
