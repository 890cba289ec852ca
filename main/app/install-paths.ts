import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The package root: the nearest folder above this module that holds
 * package.json. That is the checkout when the sources run (tests, tsx), and
 * the installed package when the compiled code in dist/ runs (`openbranch`,
 * the systemd units, the packaged app's asar archive).
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const packageRoot = findPackageRoot(import.meta.dirname);

/** The built renderer (vite), served by both hosts. */
export const rendererDir = join(packageRoot, 'dist', 'renderer');

/** The compiled Electron main entry (package.json "main"). */
export const electronEntry = join(packageRoot, 'dist', 'main', 'hosts', 'electron', 'entry.js');

/** The compiled preload of the kiosk window (CommonJS, for the sandboxed renderer). */
export const electronPreload = join(packageRoot, 'dist', 'main', 'hosts', 'electron', 'preload.cjs');

/**
 * A module started as a child process: compiled in dist/ when the compiled code runs, the TypeScript
 * source through tsx when the sources run (tests). `source` is its path under the package root.
 */
function childModule(source: string): { readonly path: string; readonly execArgv: readonly string[] } {
  return import.meta.url.endsWith('.ts')
    ? { path: join(packageRoot, source), execArgv: ['--import', 'tsx'] }
    : { path: join(packageRoot, 'dist', source.replace(/\.ts$/, '.js')), execArgv: [] };
}

/** The catalogue harvest's own process. */
export const harvestChild = childModule('main/catalog/harvest-child.ts');

/** The embedded default's demo central system, in a process of its own. */
export const demoAcsChild = childModule('main/central/demo/acs-child.ts');
