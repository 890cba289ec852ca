import { basename, join, resolve } from 'node:path';

/**
 * Where the installed files are. This module runs from main/app/ in a
 * checkout (tests, through tsx) and from dist/main/app/ when compiled
 * (`openbranch`, the systemd units, the packaged app's asar archive);
 * either way the package root is the folder holding package.json and dist/.
 */
const here = import.meta.dirname;
const compiled = basename(resolve(here, '../..')) === 'dist';

export const packageRoot = resolve(here, compiled ? '../../..' : '../..');

/** The built renderer (vite), served by both hosts. */
export const rendererDir = join(packageRoot, 'dist', 'renderer');

/** The compiled Electron main entry (package.json "main"). */
export const electronEntry = join(packageRoot, 'dist', 'main', 'hosts', 'electron', 'entry.js');
