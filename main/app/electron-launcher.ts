import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * Finds the Electron binary without importing `electron` (which would try
 * to download it): the npm package records the binary's path in path.txt
 * once it has been fetched.
 */
export function electronBinary(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('electron/package.json');
    const dir = dirname(pkg);
    const pathTxt = join(dir, 'path.txt');
    if (!existsSync(pathTxt)) return undefined;
    const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

export const electronAvailable = (): boolean => electronBinary() !== undefined;

/** The compiled Electron main entry (npm run build:electron). */
export const electronEntry = resolve(import.meta.dirname, '../../dist/electron/main/hosts/electron/main.js');

export function launchElectron(args: string[]): Promise<number> {
  const binary = electronBinary();
  if (!binary) return Promise.resolve(1);
  const child = spawn(binary, [electronEntry, ...args], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
