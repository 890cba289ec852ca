import { spawn } from 'node:child_process';
import { findElectronBinary } from '../hosts/electron/availability.ts';
import { electronEntry } from './install-paths.ts';

export const electronAvailable = (): boolean => findElectronBinary() !== undefined;

/** Runs the kiosk in Electron (a separate process: Electron's binary is its own Node). */
export function launchElectron(args: string[]): Promise<number> {
  const binary = findElectronBinary();
  if (!binary) return Promise.resolve(1);
  const child = spawn(binary, [electronEntry, ...args], { stdio: 'inherit' });
  return new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
}
