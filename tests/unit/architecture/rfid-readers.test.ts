import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceRegistry, RFID_READERS } from '../../../main/devices/drivers.ts';
import { importsOf, sourceFiles } from './layer-rules.ts';

/**
 * What makes "a new RFID reader is one folder plus one line" true: each
 * folder in devices/rfid/readers/ holds one reader, listed once in
 * RFID_READERS (main/devices/drivers.ts) and so registered as a driver;
 * no production file but that registry reaches into a reader's folder,
 * and a reader's folder leans only on the shared RFID parts.
 */
const root = resolve(import.meta.dirname, '../../..');
const readersDir = join(root, 'devices', 'rfid', 'readers');
const folders = readdirSync(readersDir).filter((n) => statSync(join(readersDir, n)).isDirectory());

/** Resolved targets of a file's relative imports, relative to the repo. */
const targets = (file: string) =>
  importsOf(readFileSync(file, 'utf8'))
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(root, resolve(dirname(file), s)));

describe('RFID readers are folders', () => {
  it('every reader folder is one registered driver of kind rfid, and every listed reader has a folder', () => {
    expect(RFID_READERS.map((r) => r.name).sort()).toEqual([...folders].sort());
    for (const name of folders) expect(deviceRegistry.has('rfid', name), name).toBe(true);
  });

  it('no production file but the registry imports from a reader folder', () => {
    const outside = ['main', 'devices', 'shared', 'renderer']
      .flatMap((layer) => sourceFiles(join(root, layer)))
      .filter((f) => !f.startsWith(readersDir + sep) && relative(root, f) !== join('main', 'devices', 'drivers.ts'));
    const reaching = outside.flatMap((f) =>
      targets(f)
        .filter((t) => folders.some((name) => t.startsWith(join('devices', 'rfid', 'readers', name) + sep)))
        .map((t) => `${relative(root, f)} -> ${t}`),
    );
    expect(reaching).toEqual([]);
  });

  it('a reader folder uses only itself, the shared RFID parts, the serial link type and shared/', () => {
    const allowed = (t: string, folder: string) =>
      t.startsWith(join('devices', 'rfid', 'readers', folder) + sep) ||
      t === join('devices', 'rfid', 'readers', 'reader-definition.ts') ||
      t.startsWith(join('devices', 'rfid', 'codec') + sep) ||
      t.startsWith(join('devices', 'rfid', 'simulator') + sep) ||
      t.startsWith(join('devices', 'serial') + sep) ||
      t.startsWith(`shared${sep}`);
    for (const folder of folders) {
      const files = sourceFiles(join(readersDir, folder));
      const stray = files.flatMap((f) =>
        targets(f)
          .filter((t) => !allowed(t, folder))
          .map((t) => `${relative(root, f)} -> ${t}`),
      );
      expect(stray, folder).toEqual([]);
    }
  });
});
